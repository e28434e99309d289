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
        options.CustomizeProblemDetails = context => Complete(context.ProblemDetails, context.HttpContext);

    private static void Complete(ProblemDetails problem, HttpContext http)
    {
        problem.Instance ??= http.OriginalPath();
        var activity = http.Features.Get<IHttpActivityFeature>()?.Activity;
        problem.Extensions.TryAdd("traceId", activity?.Id ?? http.TraceIdentifier);
    }

    /// <summary>The one place where a broken rule's kind becomes an HTTP status.</summary>
    public static int StatusOf(RuleKind kind) => kind switch
    {
        RuleKind.Conflict => StatusCodes.Status409Conflict,
        RuleKind.Forbidden => StatusCodes.Status403Forbidden,
        RuleKind.NotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status400BadRequest,
    };

    public static Task WriteProblemAsync(HttpContext http, int status, string title) =>
        WriteProblemAsync(http, new ProblemDetails { Status = status, Title = title });

    /// <summary>
    /// Writes <paramref name="problem"/> as <c>application/problem+json</c> (with the trace id), whatever the client said
    /// it accepts: an API client must never get the HTML status page.
    /// </summary>
    public static async Task WriteProblemAsync(HttpContext http, ProblemDetails problem, Exception? exception = null)
    {
        http.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        var service = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception }))
        {
            // The client accepts no JSON (Accept: text/html only); it still gets the problem, not a page.
            Complete(problem, http);
            await http.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
        }
    }

    /// <summary>
    /// The answer under /api to a status without a body (an unknown route 404, a wrong method 405, a wrong content type
    /// 415, a refused binding 400…): a ProblemDetails, where pages get the Vietnamese status page.
    /// </summary>
    public static Task WriteStatusProblemAsync(StatusCodeContext context) =>
        WriteProblemAsync(context.HttpContext, context.HttpContext.Response.StatusCode, TitleOf(context.HttpContext.Response.StatusCode));

    public static string TitleOf(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "Bạn cần đăng nhập.",
        StatusCodes.Status403Forbidden => "Bạn không có quyền thực hiện thao tác này.",
        StatusCodes.Status404NotFound => "Không tìm thấy địa chỉ hoặc đối tượng yêu cầu.",
        StatusCodes.Status405MethodNotAllowed => "Địa chỉ này không nhận phương thức HTTP đã dùng.",
        StatusCodes.Status406NotAcceptable => "Không có dạng trả lời nào khớp tiêu đề Accept.",
        StatusCodes.Status413PayloadTooLarge => "Nội dung yêu cầu quá lớn.",
        StatusCodes.Status415UnsupportedMediaType => "Kiểu nội dung (Content-Type) của yêu cầu không được hỗ trợ.",
        >= 500 => "Lỗi hệ thống. Vui lòng thử lại sau.",
        _ => "Yêu cầu không hợp lệ.",
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
public sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
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
            // A value the binding could not read (a number too large, a malformed guid or date, a wrong content type).
            problem = new ProblemDetails { Status = bad.StatusCode, Title = ProblemDetailsSetup.TitleOf(bad.StatusCode), Detail = bad.Message };
        }
        else
        {
            logger.LogError(exception, "Unhandled exception on {Path}", httpContext.Request.Path);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = ProblemDetailsSetup.TitleOf(StatusCodes.Status500InternalServerError) };
        }

        await ProblemDetailsSetup.WriteProblemAsync(httpContext, problem, exception);
        return true;
    }
}
