using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Platform.Web;

/// <summary>RFC 9457 problem details for every API error, with a trace id to quote to support.</summary>
public static class ProblemDetailsSetup
{
    public static void Configure(ProblemDetailsOptions options) =>
        options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.OriginalPath();
            var activity = context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity;
            context.ProblemDetails.Extensions.TryAdd("traceId", activity?.Id ?? context.HttpContext.TraceIdentifier);
        };

    /// <summary>The one place where a broken rule's kind becomes an HTTP status.</summary>
    public static int StatusOf(RuleKind kind) => kind switch
    {
        RuleKind.Conflict => StatusCodes.Status409Conflict,
        RuleKind.Forbidden => StatusCodes.Status403Forbidden,
        RuleKind.NotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status400BadRequest,
    };

    public static bool IsApiRequest(this HttpRequest request) =>
        request.HttpContext.OriginalPath().StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The path the client asked for. While an exception is handled, the exception-handler middleware has already
    /// rewritten <see cref="HttpRequest.Path"/> to the error page ("/Error"); the original is kept in its feature.
    /// </summary>
    public static PathString OriginalPath(this HttpContext context) =>
        context.Features.Get<IExceptionHandlerFeature>()?.Path is { Length: > 0 } original ? new PathString(original) : context.Request.Path;
}

/// <summary>Unhandled exceptions on /api become ProblemDetails; pages fall through to the friendly error page.</summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!httpContext.Request.IsApiRequest())
        {
            return false;
        }

        ProblemDetails problem;
        if (exception is RuleException rule)
        {
            problem = new ProblemDetails { Status = rule is FileRejectedException file ? file.StatusCode : ProblemDetailsSetup.StatusOf(rule.Kind), Title = rule.Message };
            if (rule.Field is not null)
            {
                problem.Extensions["errors"] = new Dictionary<string, string[]> { [rule.Field] = [rule.Message] };
            }
        }
        else if (exception is BadHttpRequestException bad)
        {
            problem = new ProblemDetails { Status = bad.StatusCode, Title = "Yêu cầu không hợp lệ.", Detail = bad.Message };
        }
        else
        {
            logger.LogError(exception, "Unhandled exception on {Path}", httpContext.Request.Path);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "Lỗi hệ thống. Vui lòng thử lại sau." };
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
