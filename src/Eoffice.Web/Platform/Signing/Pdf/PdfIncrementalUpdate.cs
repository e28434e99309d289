using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Eoffice.Web.Platform.Signing.Pdf;

/// <summary>
/// Appends one incremental update (ISO 32000-1 §7.5.6) to a copy of the source: the original bytes are copied
/// unchanged with a buffer, new and rewritten objects follow, then a classic xref section covering only them and a
/// trailer with /Prev, so every earlier signature's byte range still hashes to the same value. A classic table after
/// a cross-reference stream is accepted by poppler and qpdf (TECH-NOTES §1).
/// </summary>
internal sealed class PdfIncrementalUpdate
{
    private const int CopyBufferSize = 81920;
    private readonly PdfFileReader reader;
    private readonly Stream output;
    private readonly SortedDictionary<int, (long Offset, int Generation)> written = [];
    private int nextNumber;
    private long revisionStart = -1;

    public PdfIncrementalUpdate(PdfFileReader reader, Stream output)
    {
        if (!output.CanSeek || !output.CanWrite || !output.CanRead)
        {
            throw new ArgumentException("The output must be a readable, writable, seekable stream (a file).", nameof(output));
        }

        this.reader = reader;
        this.output = output;
        nextNumber = reader.Size;
    }

    public PdfFileReader Reader => reader;

    public PdfView View => reader.Latest;

    public long Position => output.Position;

    public PdfReference Allocate() => new(nextNumber++, 0);

    /// <summary>Copies the source file as it is, ending it with a line feed if it lacks one.</summary>
    public async Task CopySourceAsync(Stream source, CancellationToken cancellationToken)
    {
        output.SetLength(0);
        source.Seek(0, SeekOrigin.Begin);
        var buffer = new byte[CopyBufferSize];
        var last = (byte)'\n';
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            last = buffer[read - 1];
        }

        if (last is not ((byte)'\n' or (byte)'\r'))
        {
            output.WriteByte((byte)'\n');
        }

        revisionStart = output.Position;
    }

    /// <summary>Writes an object under its number (the generation of a rewritten object is kept).</summary>
    public void Write(PdfReference reference, PdfObject value)
    {
        if (value is PdfStream stream)
        {
            var data = stream.Data ?? reader.ReadRaw(stream, View);
            var dictionary = stream.Dictionary.Copy();
            dictionary["Length"] = new PdfNumber(data.Length);
            WriteBody(reference, [.. PdfSerializer.ToBytes(dictionary), .. "\nstream\n"u8, .. data, .. "\nendstream"u8]);
        }
        else
        {
            WriteBody(reference, PdfSerializer.ToBytes(value));
        }
    }

    /// <summary>Writes an object whose body is already serialised; returns the file offset of the body's first byte.</summary>
    public long WriteBody(PdfReference reference, byte[] body)
    {
        var start = output.Position;
        var header = Encoding.ASCII.GetBytes($"{reference.Number} {reference.Generation} obj\n");
        output.Write(header);
        output.Write(body);
        output.Write("\nendobj\n"u8);
        written[reference.Number] = (start, reference.Generation);
        return start + header.Length;
    }

    /// <summary>
    /// The trailer's second /ID for this revision: the first 16 bytes of SHA-256 over the objects it adds. It changes
    /// with every revision's content (a signature's /M, a stamp's text), and the same update of the same file gives the
    /// same bytes, which a signature completed later (remote service, local agent) relies on to rebuild its file.
    /// </summary>
    private byte[] RevisionIdentifier(long end)
    {
        if (revisionStart < 0)
        {
            throw new InvalidOperationException("Copy the source before finishing the update.");
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[CopyBufferSize];
        output.Seek(revisionStart, SeekOrigin.Begin);
        for (var left = end - revisionStart; left > 0;)
        {
            var read = output.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                break;
            }

            hash.AppendData(buffer, 0, read);
            left -= read;
        }

        output.Seek(end, SeekOrigin.Begin);
        return hash.GetHashAndReset()[..16];
    }

    /// <summary>Writes the xref section, the trailer, startxref and %%EOF; returns the file's final length.</summary>
    public long Finish()
    {
        var xrefOffset = output.Position;
        var text = new StringBuilder("xref\n");
        text.Append("0 1\n0000000000 65535 f\r\n");
        var numbers = written.Keys.ToList();
        for (var i = 0; i < numbers.Count;)
        {
            var j = i;
            while (j + 1 < numbers.Count && numbers[j + 1] == numbers[j] + 1)
            {
                j++;
            }

            text.Append(CultureInfo.InvariantCulture, $"{numbers[i]} {j - i + 1}\n");
            for (var k = i; k <= j; k++)
            {
                var (offset, generation) = written[numbers[k]];
                text.Append(CultureInfo.InvariantCulture, $"{offset:D10} {generation:D5} n\r\n");
            }

            i = j + 1;
        }

        var old = reader.Trailer;
        var trailer = new PdfDictionary();
        trailer["Size"] = new PdfNumber(nextNumber);
        trailer["Root"] = old["Root"];
        trailer["Info"] = old["Info"] is PdfReference info ? info : null;
        trailer["Prev"] = new PdfNumber(reader.StartXref);
        var original = (old["ID"] as PdfArray)?.Items.FirstOrDefault() as PdfString;
        var fresh = new PdfString(RevisionIdentifier(xrefOffset), true);
        trailer["ID"] = new PdfArray([original ?? fresh, fresh]);
        text.Append("trailer\n");
        PdfSerializer.Write(text, trailer);
        text.Append(CultureInfo.InvariantCulture, $"\nstartxref\n{xrefOffset}\n%%EOF\n");
        output.Write(Encoding.Latin1.GetBytes(text.ToString()));
        output.Flush();
        return output.Position;
    }

    /// <summary>Adds annotations to a page's /Annots: rewrites the indirect array, or the page when the array is direct or absent.</summary>
    public void AppendAnnotations(PdfPageInfo page, IReadOnlyList<PdfReference> annotations)
    {
        var annots = page.Dictionary["Annots"];
        var items = (View.Resolve(annots) as PdfArray)?.Items ?? [];
        if (annots is PdfReference arrayReference && View.Resolve(arrayReference) is PdfArray)
        {
            Write(Rewritten(arrayReference), new PdfArray([.. items, .. annotations]));
            return;
        }

        var copy = page.Dictionary.Copy();
        copy["Annots"] = new PdfArray([.. items, .. annotations]);
        Write(Rewritten(page.Reference), copy);
    }

    /// <summary>The reference under which a rewritten object is written: its number with the generation in force.</summary>
    public PdfReference Rewritten(PdfReference reference) => new(reference.Number, View.GenerationOf(reference.Number));

    /// <summary>
    /// Copies an object graph from another file (the small PDF PDFsharp drew a stamp into) under new numbers; page-tree
    /// back links (/Parent) are dropped so that the copy does not drag the other file's pages along.
    /// </summary>
    public PdfObject Import(PdfView from, PdfObject value, Dictionary<int, PdfReference> numbers)
    {
        switch (value)
        {
            case PdfReference reference:
                if (numbers.TryGetValue(reference.Number, out var known))
                {
                    return known;
                }

                var target = Allocate();
                numbers[reference.Number] = target;
                var resolved = from.GetObject(reference.Number) ?? PdfNull.Instance;
                if (resolved is PdfStream stream)
                {
                    var data = from.Reader.ReadRaw(stream, from);
                    var dictionary = stream.Dictionary.Copy();
                    dictionary["Length"] = null;
                    Write(target, new PdfStream((PdfDictionary)Import(from, dictionary, numbers), -1, data));
                }
                else
                {
                    Write(target, Import(from, resolved, numbers));
                }

                return target;
            case PdfArray array:
                return new PdfArray(array.Items.Select(i => Import(from, i, numbers)));
            case PdfDictionary dictionary:
                var copy = new PdfDictionary();
                foreach (var (key, item) in dictionary.Entries)
                {
                    if (key != "Parent")
                    {
                        copy[key] = Import(from, item, numbers);
                    }
                }

                return copy;
            default:
                return value;
        }
    }
}
