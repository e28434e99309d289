namespace Eoffice.Web.Platform.Storage;

/// <summary>
/// Reads an upload that must be small (a template, a staff list, a signature image) into memory, stopping as soon as it
/// passes its limit instead of buffering whatever a client sends.
/// </summary>
public static class BoundedRead
{
    /// <summary>The whole content, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAtMostAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
