using Eoffice.Web.Platform.TextExtraction;

namespace Eoffice.Web.Pages.Documents.Shared;

/// <summary>
/// Where the text of one attached file stands, as <c>_FileTextState.cshtml</c> shows it beside the file on the incoming
/// and outgoing details pages: the state as the clerk reads it (OCR progress "trang x/y", the reason of a failure) and the
/// searchable PDF OCR made.
/// </summary>
public static class FileTextStateView
{
    /// <summary>The texts of <paramref name="fileIds"/> by file, for the page to look up beside each file.</summary>
    public static async Task<IReadOnlyDictionary<Guid, FileTextView>> LoadAsync(IFileTexts texts, IEnumerable<Guid> fileIds, CancellationToken cancellationToken) =>
        (await texts.StatusAsync(fileIds.Distinct().ToList(), cancellationToken)).ToDictionary(t => t.FileId);

    /// <summary>The text state as the clerk reads it; <c>null</c> when nobody asked for the text.</summary>
    public static string? Describe(FileTextView? text) => text switch
    {
        null or { State: FileTextState.NotRequested } => null,
        { State: FileTextState.Ready, Method: "ocr" } => "Đã nhận dạng chữ (OCR)",
        { State: FileTextState.Ready } => "Đã trích xuất văn bản",
        { State: FileTextState.Pending, Pages: { } pages } => $"Đang nhận dạng chữ (OCR): trang {text.PagesDone}/{pages}",
        { State: FileTextState.Pending } => "Đang trích xuất văn bản…",
        { State: FileTextState.Failed } => "Không đọc được: " + text.Message,
        { State: FileTextState.OcrUnavailable } => "Máy chủ chưa có OCR",
        _ => "Không trích xuất văn bản từ loại tệp này",
    };
}
