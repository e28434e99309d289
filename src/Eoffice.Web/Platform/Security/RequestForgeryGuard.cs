using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace Eoffice.Web.Platform.Security;

/// <summary>
/// Cross-site request forgery, refused in one place (ADR 0017): every state-changing request (POST, PUT, PATCH, DELETE)
/// that the session cookie authenticates must carry the antiforgery token, whatever its content type and even with no
/// body. Pages send it as their form field (<c>__RequestVerificationToken</c>), scripts as the <see cref="HeaderName"/>
/// header (the layout's <c>eoffice-antiforgery</c> meta tag, or <c>GET /api/v1/files/antiforgery-token</c>). A request
/// authenticated by an access token (<c>Authorization: Bearer</c>) carries nothing a browser adds by itself and is
/// exempt; an anonymous one has no session to abuse. Runs after authentication and before authorization, so a refused
/// request reaches no endpoint.
/// </summary>
public sealed class RequestForgeryGuard(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public const string MissingTitle = "Thiếu mã chống giả mạo yêu cầu (tiêu đề X-CSRF-TOKEN). Hãy tải lại trang rồi thử lại.";

    public const string InvalidTitle = "Mã chống giả mạo yêu cầu không hợp lệ hoặc đã hết hạn. Hãy tải lại trang rồi thử lại.";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!NeedsToken(context))
        {
            await next(context);
            return;
        }

        // Under /api the token travels in the header only: looking for a form field would buffer a streamed upload.
        var isApi = context.Request.IsApiRequest();
        var refusal = isApi && !context.Request.Headers.ContainsKey(HeaderName) ? MissingTitle
            : await antiforgery.IsRequestValidAsync(context) ? null
            : InvalidTitle;
        if (refusal is null)
        {
            await next(context);
        }
        else if (isApi)
        {
            await ProblemDetailsSetup.WriteProblemAsync(context, StatusCodes.Status400BadRequest, refusal);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest; // the status page says the request was invalid
        }
    }

    private static bool NeedsToken(HttpContext context) =>
        !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method))
        && EofficeAuthenticationSchemes.IsCookieSession(context)
        // A status page or error page shown for a request already checked (or already refused) is no new request.
        && context.Features.Get<IStatusCodeReExecuteFeature>() is null
        && context.Features.Get<IExceptionHandlerFeature>() is null;
}
