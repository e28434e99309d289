using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Platform.TextExtraction;

/// <summary>
/// <c>/api/v1/files/{id}/text</c>: ask for the text of a file (as soon as it is uploaded, so the registration page can
/// read a scan while the clerk is still on it) and read its state and text. Access is the file download's: the
/// uploader, or whoever a file policy lets read it; anyone else is told the file does not exist.
/// </summary>
public static class FileTextApi
{
    /// <summary>The state of a file's text and, once ready, the text itself.</summary>
    public sealed record FileTextResponse(FileTextView Status, string? Text);

    public static IEndpointRouteBuilder MapFileTextApi(this IEndpointRouteBuilder endpoints)
    {
        var files = endpoints.MapGroup("/api/v1/files").WithTags("Tệp").RequireAuthorization();

        files.MapPost("/{id:guid}/text", RequestAsync)
            .WithName("RequestFileText")
            .WithSummary("Yêu cầu trích xuất văn bản của tệp (nhận dạng chữ với bản quét); gọi lại không thay đổi gì.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        files.MapGet("/{id:guid}/text", GetAsync)
            .WithName("GetFileText")
            .WithSummary("Trạng thái trích xuất văn bản của tệp (tiến độ theo trang, bản PDF tìm kiếm được) và văn bản khi đã xong.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return endpoints;
    }

    private static async Task<Results<Accepted<FileTextView>, ProblemHttpResult>> RequestAsync(
        Guid id, FileStore store, FileTexts texts, UnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        if (await ReadableAsync(store, id, cancellationToken) is { } problem)
        {
            return problem;
        }

        await texts.RequestAsync(id, cancellationToken);
        await unitOfWork.CommitAsync(null, cancellationToken);
        return TypedResults.Accepted($"/api/v1/files/{id}/text", await texts.StatusAsync(id, cancellationToken));
    }

    private static async Task<Results<Ok<FileTextResponse>, ProblemHttpResult>> GetAsync(
        Guid id, FileStore store, FileTexts texts, CancellationToken cancellationToken)
    {
        if (await ReadableAsync(store, id, cancellationToken) is { } problem)
        {
            return problem;
        }

        var status = await texts.StatusAsync(id, cancellationToken);
        var text = status.State == FileTextState.Ready ? (await texts.TextsAsync([id], cancellationToken)).GetValueOrDefault(id) : null;
        return TypedResults.Ok(new FileTextResponse(status, text));
    }

    private static async Task<ProblemHttpResult?> ReadableAsync(FileStore store, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await store.GetAsync(id, cancellationToken);
            return null;
        }
        catch (RuleException notFound) when (notFound.Kind == RuleKind.NotFound)
        {
            return TypedResults.Problem(title: notFound.Message, statusCode: StatusCodes.Status404NotFound);
        }
    }
}
