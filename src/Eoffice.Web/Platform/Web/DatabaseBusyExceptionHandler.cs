using System.Globalization;
using System.Text.Encodings.Web;
using Eoffice.Web.Platform.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Platform.Web;

/// <summary>
/// A busy database (<see cref="DatabaseBusyException.IsBusy"/>) is answered 503 with Retry-After, never 500 (ADR 0019):
/// on /api as ProblemDetails, on pages as a short page written here. Not through the error page: running the pipeline
/// again would authenticate again (the session check reads the database) and the layout's header reads it too.
/// </summary>
public sealed class DatabaseBusyExceptionHandler(IProblemDetailsService problemDetails, ILogger<DatabaseBusyExceptionHandler> logger) : IExceptionHandler
{
    public const string PageTitle = "Hệ thống đang bận";

    public const string PageMessage = "Hệ thống đang có quá nhiều yêu cầu cùng lúc. Vui lòng thử lại sau ít giây.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseBusyException.IsBusy(exception))
        {
            return false;
        }

        var path = httpContext.OriginalPath();
        logger.LogWarning(exception, "The database was busy for {Path}: answered 503.", path);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = DatabaseBusyException.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        if (httpContext.Request.IsApiRequest())
        {
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = DatabaseBusyException.Title },
                Exception = exception,
            });
        }

        var again = HtmlEncoder.Default.Encode(path + httpContext.Request.QueryString);
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="vi">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>{PageTitle} — Văn phòng điện tử</title>
                <link rel="stylesheet" href="/lib/bootstrap/bootstrap.min.css" />
            </head>
            <body>
                <main class="container py-4">
                    <h1 class="h3" id="busy-title">{PageTitle}</h1>
                    <p>{PageMessage}</p>
                    <a href="{again}" class="btn btn-primary">Thử lại</a>
                </main>
            </body>
            </html>
            """, cancellationToken);
        return true;
    }
}
