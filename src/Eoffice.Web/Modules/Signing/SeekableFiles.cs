namespace Eoffice.Web.Modules.Signing;

/// <summary>
/// Private temporary files for the PDF code, which seeks: the store's stream checks the content's hash as it is read
/// once, front to back, so signing and verifying work on a copy (deleted when closed), never on the stream itself.
/// </summary>
internal static class SeekableFiles
{
    public static FileStream Temporary() =>
        new(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    public static async Task<FileStream> CopyAsync(Stream content, CancellationToken cancellationToken)
    {
        var copy = Temporary();
        await content.CopyToAsync(copy, cancellationToken);
        copy.Position = 0;
        return copy;
    }
}
