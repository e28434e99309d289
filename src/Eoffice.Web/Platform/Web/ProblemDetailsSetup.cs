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
            context.ProblemDetails.Instance ??= context.HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
                ?? context.HttpContext.Request.Path;
            var activity = context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity;
            context.ProblemDetails.Extensions.TryAdd("traceId", activity?.Id ?? context.HttpContext.TraceIdentifier);
        };

    public static bool IsApiRequest(this HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// A rule broken by the user's request (not a bug): answered as 400/409/404 with a Vietnamese message.
/// Domain code throws it; the edge turns it into ProblemDetails or a message beside the field.
/// </summary>
public class BusinessRuleException(string message, int statusCode = StatusCodes.Status400BadRequest, string? field = null)
    : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string? Field { get; } = field;
}

public sealed class NotFoundException(string message = "Không tìm thấy đối tượng yêu cầu hoặc bạn không có quyền truy cập.")
    : BusinessRuleException(message, StatusCodes.Status404NotFound);

/// <summary>Unhandled exceptions on /api become ProblemDetails; pages fall through to the friendly error page.</summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // UseExceptionHandler("/Error") has already pointed Request.Path at the error page: judge by the original path.
        var originalPath = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (!new PathString(originalPath).StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        ProblemDetails problem;
        if (exception is BusinessRuleException rule)
        {
            problem = new ProblemDetails { Status = rule.StatusCode, Title = rule.Message };
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
