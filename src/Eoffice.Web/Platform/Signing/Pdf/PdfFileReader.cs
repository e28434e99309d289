using System.IO.Compression;
using System.Text;

namespace Eoffice.Web.Platform.Signing.Pdf;

/// <summary>
/// Reads a PDF by seeking, never loading it whole: the last startxref, then every cross-reference section along the
/// /Prev chain (classic tables, cross-reference streams with PNG predictors, hybrid /XRefStm), then only the objects
/// asked for, from the file or from object streams. Each section is kept apart so that the inspector can look at the
/// document as it was at any revision (<see cref="View"/>). Not supported: encrypted files, xref reconstruction of
/// damaged files (wrong offsets fail), filters other than FlateDecode on the streams we must decode.
/// </summary>
internal sealed class PdfFileReader
{
    private const int FirstWindow = 4096;
    private readonly Stream source;
    private readonly Dictionary<int, PdfView> views = [];

    public PdfFileReader(Stream source)
    {
        if (!source.CanSeek || !source.CanRead)
        {
            throw new ArgumentException("The PDF must be a readable, seekable stream (a file).", nameof(source));
        }

        this.source = source;
        Length = source.Length;
        StartXref = FindStartXref();
        var seen = new HashSet<long>();
        long? next = StartXref;
        while (next is { } offset)
        {
            if (!seen.Add(offset) || Sections.Count > 10_000)
            {
                throw new PdfFormatException("the /Prev chain of cross-reference sections loops");
            }

            var section = ReadSection(offset);
            Sections.Add(section);
            next = section.Trailer["Prev"] is PdfNumber prev ? prev.LongValue : null;
        }

        Trailer = Sections[0].Trailer;
        if (Trailer["Encrypt"] is not null)
        {
            throw new NotSupportedException("Tệp PDF đã mã hoá, không thể ký hoặc kiểm tra chữ ký.");
        }
    }

    public long Length { get; }

    public long StartXref { get; }

    /// <summary>The cross-reference sections, newest first (the order of the /Prev chain).</summary>
    public List<XrefSection> Sections { get; } = [];

    public PdfDictionary Trailer { get; }

    /// <summary>The document as the newest revision sees it.</summary>
    public PdfView Latest => View(0);

    /// <summary>The next free object number: /Size, or one past the highest number any section mentions.</summary>
    public int Size => Math.Max(
        Sections.Max(s => s.Trailer["Size"] is PdfNumber n ? (int)n.LongValue : 0),
        Sections.SelectMany(s => s.Entries.Keys).DefaultIfEmpty(0).Max() + 1);

    /// <summary>The document as of section <paramref name="sectionIndex"/>: that section and all older ones.</summary>
    public PdfView View(int sectionIndex)
    {
        if (!views.TryGetValue(sectionIndex, out var view))
        {
            var entries = new Dictionary<int, XrefEntry>();
            for (var i = sectionIndex; i < Sections.Count; i++)
            {
                foreach (var (number, entry) in Sections[i].Entries)
                {
                    entries.TryAdd(number, entry);
                }
            }

            view = new PdfView(this, entries, Sections[sectionIndex].Trailer);
            views[sectionIndex] = view;
        }

        return view;
    }

    public byte[] ReadBytes(long offset, int count)
    {
        var bytes = new byte[count];
        source.Seek(offset, SeekOrigin.Begin);
        source.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Parses the indirect object that starts at <paramref name="offset"/>, widening the window until it fits.</summary>
    public (int Number, int Generation, PdfObject Value) ReadObjectAt(long offset) =>
        WithWindow(offset, parser => parser.ParseIndirectObject());

    private T WithWindow<T>(long offset, Func<PdfParser, T> parse)
    {
        if (offset < 0 || offset >= Length)
        {
            throw new PdfFormatException($"offset {offset} lies outside the file");
        }

        var window = FirstWindow;
        while (true)
        {
            var count = (int)Math.Min(window, Length - offset);
            var bytes = ReadBytes(offset, count);
            try
            {
                return parse(new PdfParser(bytes, count, offset, windowEndsFile: offset + count >= Length));
            }
            catch (PdfNeedMoreDataException) when (offset + count < Length)
            {
                window = (int)Math.Min((long)window * 4, int.MaxValue / 2);
            }
        }
    }

    private long FindStartXref()
    {
        var count = (int)Math.Min(Length, 2048);
        var tail = Encoding.Latin1.GetString(ReadBytes(Length - count, count));
        var at = tail.LastIndexOf("startxref", StringComparison.Ordinal);
        if (at < 0)
        {
            throw new PdfFormatException("no startxref at the end of the file");
        }

        var parser = PdfParser.ForBytes(Encoding.Latin1.GetBytes(tail[(at + 9)..]));
        return parser.ExpectLong();
    }

    private XrefSection ReadSection(long offset) => WithWindow(offset, parser =>
    {
        var saved = parser.Position;
        if (parser.PeekKeyword("xref"))
        {
            parser.ReadToken();
            var section = new XrefSection(offset, false);
            while (!parser.PeekKeyword("trailer"))
            {
                var first = parser.ExpectInteger();
                var count = parser.ExpectInteger();
                for (var i = 0; i < count; i++)
                {
                    var entryOffset = parser.ExpectLong();
                    var generation = parser.ExpectInteger();
                    var kind = parser.ReadToken().Text;
                    if (first == 1 && i == 0 && entryOffset == 0 && kind == "f")
                    {
                        // Some writers number the first subsection from 1 while listing object 0: shift it back.
                        first = 0;
                    }

                    section.Entries.TryAdd(first + i, kind == "n"
                        ? new XrefEntry(XrefEntryKind.InUse, entryOffset, generation)
                        : new XrefEntry(XrefEntryKind.Free, 0, generation));
                }
            }

            parser.ReadToken();
            section.Trailer = parser.ParseObject() as PdfDictionary ?? throw new PdfFormatException("the trailer is not a dictionary");
            if (section.Trailer["XRefStm"] is PdfNumber hybrid)
            {
                // Hybrid file (§7.5.8.4): the table's entries win, the stream adds the compressed objects.
                foreach (var (number, entry) in ReadXrefStream(hybrid.LongValue).Entries)
                {
                    section.Entries.TryAdd(number, entry);
                }
            }

            return section;
        }

        parser.Position = saved;
        return ReadXrefStream(offset);
    });

    private XrefSection ReadXrefStream(long offset)
    {
        var (_, _, value) = ReadObjectAt(offset);
        if (value is not PdfStream stream || stream.Dictionary.NameOf("Type") != "XRef")
        {
            throw new PdfFormatException($"no cross-reference table or stream at offset {offset}");
        }

        var dictionary = stream.Dictionary;
        var widths = (dictionary["W"] as PdfArray)?.Items.Select(i => (int)((PdfNumber)i).LongValue).ToArray();
        if (widths is not { Length: 3 })
        {
            throw new PdfFormatException("a cross-reference stream without /W");
        }

        var size = (int)((dictionary["Size"] as PdfNumber)?.LongValue ?? 0);
        var index = (dictionary["Index"] as PdfArray)?.Items.Select(i => (int)((PdfNumber)i).LongValue).ToArray() ?? [0, size];
        var data = DecodeDirect(stream);
        var rowLength = widths.Sum();
        var section = new XrefSection(offset, true) { Trailer = dictionary };
        var row = 0;
        for (var pair = 0; pair + 1 < index.Length; pair += 2)
        {
            for (var i = 0; i < index[pair + 1]; i++, row++)
            {
                var at = row * rowLength;
                if (at + rowLength > data.Length)
                {
                    throw new PdfFormatException("a cross-reference stream is shorter than its /Index says");
                }

                var type = widths[0] == 0 ? 1 : Field(data, at, widths[0]);
                var second = Field(data, at + widths[0], widths[1]);
                var third = Field(data, at + widths[0] + widths[1], widths[2]);
                var entry = type switch
                {
                    0 => new XrefEntry(XrefEntryKind.Free, 0, (int)third),
                    1 => new XrefEntry(XrefEntryKind.InUse, second, (int)third),
                    2 => new XrefEntry(XrefEntryKind.Compressed, second, (int)third),
                    _ => (XrefEntry?)null,
                };
                if (entry is { } e)
                {
                    section.Entries.TryAdd(index[pair] + i, e);
                }
            }
        }

        return section;
    }

    // A cross-reference stream's /Length and /DecodeParms are direct (§7.5.8.2), so no view is needed to decode it.
    private byte[] DecodeDirect(PdfStream stream) => PdfStreams.Decode(stream.Dictionary, ReadRaw(stream, null));

    /// <summary>The raw (still encoded) bytes of a stream; an indirect /Length is resolved through <paramref name="view"/>.</summary>
    public byte[] ReadRaw(PdfStream stream, PdfView? view)
    {
        if (stream.Data is { } data)
        {
            return data;
        }

        var lengthObject = stream.Dictionary["Length"];
        if (lengthObject is PdfReference && view is not null)
        {
            lengthObject = view.Resolve(lengthObject);
        }

        if (lengthObject is not PdfNumber length || length.LongValue < 0 || stream.DataOffset + length.LongValue > Length)
        {
            throw new PdfFormatException($"a stream at offset {stream.DataOffset} has no usable /Length");
        }

        if (length.LongValue > 256L * 1024 * 1024)
        {
            throw new PdfFormatException($"a stream of {length.LongValue} bytes is too large to decode here");
        }

        return ReadBytes(stream.DataOffset, (int)length.LongValue);
    }

    private static long Field(byte[] data, int at, int width)
    {
        long value = 0;
        for (var i = 0; i < width; i++)
        {
            value = (value << 8) | data[at + i];
        }

        return value;
    }
}

internal enum XrefEntryKind
{
    Free,
    InUse,
    Compressed,
}

/// <summary>An entry: in use at a file offset (with its generation), or compressed in object stream Offset at index Generation.</summary>
internal readonly record struct XrefEntry(XrefEntryKind Kind, long Offset, int Generation);

/// <summary>One cross-reference section (one revision) with its own entries and trailer.</summary>
internal sealed class XrefSection(long offset, bool isStream)
{
    public long Offset { get; } = offset;

    public bool IsStream { get; } = isStream;

    public Dictionary<int, XrefEntry> Entries { get; } = [];

    public PdfDictionary Trailer { get; set; } = new();
}

/// <summary>The document as one revision sees it: resolves references, walks the page tree, finds the AcroForm.</summary>
internal sealed class PdfView(PdfFileReader reader, Dictionary<int, XrefEntry> entries, PdfDictionary trailer)
{
    private readonly Dictionary<int, PdfObject?> cache = [];
    private readonly Dictionary<int, Dictionary<int, PdfObject>> objectStreams = [];

    public PdfFileReader Reader => reader;

    public PdfDictionary Trailer => trailer;

    public IReadOnlyDictionary<int, XrefEntry> Entries => entries;

    public PdfReference RootReference => trailer["Root"] as PdfReference ?? throw new PdfFormatException("the trailer has no /Root");

    public PdfDictionary Catalog => Resolve(RootReference) as PdfDictionary ?? throw new PdfFormatException("the catalog is not a dictionary");

    public int GenerationOf(int number) =>
        entries.TryGetValue(number, out var entry) && entry.Kind == XrefEntryKind.InUse ? entry.Generation : 0;

    public PdfObject? Resolve(PdfObject? value)
    {
        var depth = 0;
        while (value is PdfReference reference)
        {
            if (++depth > 32)
            {
                throw new PdfFormatException("a reference chain loops");
            }

            value = GetObject(reference.Number);
        }

        return value;
    }

    public PdfDictionary? ResolveDictionary(PdfObject? value) => Resolve(value) switch
    {
        PdfDictionary d => d,
        PdfStream s => s.Dictionary,
        _ => null,
    };

    /// <summary>The object with this number, or null when it is free or unknown (a reference to it means null, §7.3.10).</summary>
    public PdfObject? GetObject(int number)
    {
        if (cache.TryGetValue(number, out var cached))
        {
            return cached;
        }

        PdfObject? value = null;
        if (entries.TryGetValue(number, out var entry))
        {
            if (entry.Kind == XrefEntryKind.InUse)
            {
                value = reader.ReadObjectAt(entry.Offset).Value;
            }
            else if (entry.Kind == XrefEntryKind.Compressed)
            {
                value = ObjectStream((int)entry.Offset).GetValueOrDefault(number);
            }
        }

        cache[number] = value;
        return value;
    }

    public byte[] DecodedData(PdfStream stream) => PdfStreams.Decode(stream.Dictionary, reader.ReadRaw(stream, this), this);

    private Dictionary<int, PdfObject> ObjectStream(int number)
    {
        if (objectStreams.TryGetValue(number, out var objects))
        {
            return objects;
        }

        objects = [];
        objectStreams[number] = objects;
        if (GetObject(number) is PdfStream stream && stream.Dictionary.NameOf("Type") == "ObjStm")
        {
            var data = DecodedData(stream);
            var count = (int)((stream.Dictionary["N"] as PdfNumber)?.LongValue ?? 0);
            var first = (int)((stream.Dictionary["First"] as PdfNumber)?.LongValue ?? 0);
            var header = PdfParser.ForBytes(data);
            var offsets = new List<(int Number, int Offset)>();
            for (var i = 0; i < count; i++)
            {
                offsets.Add((header.ExpectInteger(), header.ExpectInteger()));
            }

            foreach (var (objectNumber, offset) in offsets)
            {
                var parser = PdfParser.ForBytes(data);
                parser.Position = first + offset;
                objects.TryAdd(objectNumber, parser.ParseObject());
            }
        }

        return objects;
    }

    /// <summary>The pages in order, each with its inherited attributes (§7.7.3.4).</summary>
    public IReadOnlyList<PdfPageInfo> Pages()
    {
        var pages = new List<PdfPageInfo>();
        var visited = new HashSet<int>();
        Walk(Catalog["Pages"], null, null, null, 0);
        return pages;

        void Walk(PdfObject? node, PdfObject? mediaBox, PdfObject? cropBox, PdfObject? resources, int rotate)
        {
            if (node is PdfReference r && !visited.Add(r.Number))
            {
                throw new PdfFormatException("the page tree loops");
            }

            if (ResolveDictionary(node) is not { } dictionary)
            {
                return;
            }

            mediaBox = dictionary["MediaBox"] ?? mediaBox;
            cropBox = dictionary["CropBox"] ?? cropBox;
            resources = dictionary["Resources"] ?? resources;
            rotate = Resolve(dictionary["Rotate"]) is PdfNumber n ? (int)n.LongValue : rotate;
            if (dictionary.NameOf("Type") == "Pages" || (dictionary["Kids"] is not null && dictionary.NameOf("Type") != "Page"))
            {
                foreach (var kid in (Resolve(dictionary["Kids"]) as PdfArray)?.Items ?? [])
                {
                    Walk(kid, mediaBox, cropBox, resources, rotate);
                }

                return;
            }

            if (node is PdfReference reference)
            {
                pages.Add(new PdfPageInfo(reference, dictionary, Box(mediaBox), Box(cropBox), Resolve(resources), rotate));
            }
        }
    }

    /// <summary>The AcroForm dictionary and, when it is an indirect object, its reference.</summary>
    public (PdfDictionary? Form, PdfReference? Reference) AcroForm()
    {
        var value = Catalog["AcroForm"];
        return (ResolveDictionary(value), value as PdfReference);
    }

    private double[] Box(PdfObject? value)
    {
        var numbers = (Resolve(value) as PdfArray)?.Items.Select(i => Resolve(i) is PdfNumber n ? n.Value : 0).ToArray();
        return numbers is { Length: 4 }
            ? [Math.Min(numbers[0], numbers[2]), Math.Min(numbers[1], numbers[3]), Math.Max(numbers[0], numbers[2]), Math.Max(numbers[1], numbers[3])]
            : [0, 0, 595, 842];
    }
}

/// <summary>A page with its inherited attributes; boxes are llx lly urx ury, A4 when the file says nothing.</summary>
internal sealed record PdfPageInfo(PdfReference Reference, PdfDictionary Dictionary, double[] MediaBox, double[] CropBox, PdfObject? Resources, int Rotate);

/// <summary>Stream filters we decode: FlateDecode (zlib) with the PNG and TIFF predictors (§7.4.4).</summary>
internal static class PdfStreams
{
    public static byte[] Decode(PdfDictionary dictionary, byte[] raw, PdfView? view = null)
    {
        var filters = Resolve(dictionary["Filter"], view) switch
        {
            PdfName name => [name],
            PdfArray array => array.Items.Select(i => Resolve(i, view)).OfType<PdfName>().ToList(),
            _ => new List<PdfName>(),
        };
        var parameters = Resolve(dictionary["DecodeParms"], view) switch
        {
            PdfDictionary d => [d],
            PdfArray array => array.Items.Select(i => Resolve(i, view) as PdfDictionary).ToList(),
            _ => new List<PdfDictionary?>(),
        };
        var data = raw;
        for (var i = 0; i < filters.Count; i++)
        {
            if (filters[i].Value is not ("FlateDecode" or "Fl"))
            {
                throw new PdfFormatException($"the stream filter /{filters[i].Value} is not supported");
            }

            data = Inflate(data);
            if (i < parameters.Count && parameters[i] is { } p)
            {
                data = Unpredict(data, p);
            }
        }

        return data;
    }

    public static byte[] Inflate(byte[] data)
    {
        using var input = new MemoryStream(data);
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        try
        {
            zlib.CopyTo(output);
        }
        catch (InvalidDataException) when (output.Length > 0)
        {
            // A truncated or unterminated deflate stream is common in the wild; viewers keep what was decoded.
        }

        return output.ToArray();
    }

    public static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Unpredict(byte[] data, PdfDictionary parameters)
    {
        var predictor = (int)((parameters["Predictor"] as PdfNumber)?.LongValue ?? 1);
        if (predictor == 1)
        {
            return data;
        }

        var colors = (int)((parameters["Colors"] as PdfNumber)?.LongValue ?? 1);
        var bits = (int)((parameters["BitsPerComponent"] as PdfNumber)?.LongValue ?? 8);
        var columns = (int)((parameters["Columns"] as PdfNumber)?.LongValue ?? 1);
        var bytesPerPixel = Math.Max(1, (colors * bits + 7) / 8);
        var rowLength = (colors * bits * columns + 7) / 8;
        if (predictor == 2)
        {
            if (bits != 8)
            {
                throw new PdfFormatException("the TIFF predictor is supported for 8-bit samples only");
            }

            var copy = (byte[])data.Clone();
            for (var row = 0; row + rowLength <= copy.Length; row += rowLength)
            {
                for (var i = bytesPerPixel; i < rowLength; i++)
                {
                    copy[row + i] += copy[row + i - bytesPerPixel];
                }
            }

            return copy;
        }

        return PngFilters.Unfilter(data, rowLength, bytesPerPixel, data.Length / (rowLength + 1));
    }

    private static PdfObject? Resolve(PdfObject? value, PdfView? view) => view is null ? value : view.Resolve(value);
}

/// <summary>The five PNG row filters (RFC 2083 §6), shared by PNG images and predicted PDF streams.</summary>
internal static class PngFilters
{
    public static byte[] Unfilter(byte[] data, int rowLength, int bytesPerPixel, int rows)
    {
        var output = new byte[rowLength * rows];
        for (var row = 0; row < rows; row++)
        {
            var at = row * (rowLength + 1);
            if (at + rowLength + 1 > data.Length)
            {
                throw new PdfFormatException("predicted data is shorter than its rows");
            }

            var filter = data[at];
            var current = output.AsSpan(row * rowLength, rowLength);
            var previous = row == 0 ? Span<byte>.Empty : output.AsSpan((row - 1) * rowLength, rowLength);
            data.AsSpan(at + 1, rowLength).CopyTo(current);
            for (var i = 0; i < rowLength; i++)
            {
                int left = i >= bytesPerPixel ? current[i - bytesPerPixel] : 0;
                int up = previous.IsEmpty ? 0 : previous[i];
                int upLeft = i >= bytesPerPixel && !previous.IsEmpty ? previous[i - bytesPerPixel] : 0;
                current[i] = filter switch
                {
                    0 => current[i],
                    1 => (byte)(current[i] + left),
                    2 => (byte)(current[i] + up),
                    3 => (byte)(current[i] + ((left + up) / 2)),
                    4 => (byte)(current[i] + Paeth(left, up, upLeft)),
                    _ => throw new PdfFormatException($"unknown PNG row filter {filter}"),
                };
            }
        }

        return output;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
