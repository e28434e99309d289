using System.Globalization;
using System.Text;

namespace Eoffice.Web.Platform.Signing.Pdf;

/// <summary>
/// The PDF object model our own reader and incremental writer share (ISO 32000-1 §7.3). Kept minimal on purpose: the
/// signer rewrites only a handful of small objects (a page, the catalog, the AcroForm), so objects are plain values and
/// a stream carries either its bytes (objects we write) or only where its bytes lie in the file (objects we read, so a
/// 100 MB image is never loaded).
/// </summary>
internal abstract class PdfObject;

internal sealed class PdfNull : PdfObject
{
    public static readonly PdfNull Instance = new();

    private PdfNull()
    {
    }
}

internal sealed class PdfBoolean(bool value) : PdfObject
{
    public bool Value { get; } = value;
}

/// <summary>A number keeps the text it was read from, so a rewritten object says exactly what the original said.</summary>
internal sealed class PdfNumber : PdfObject
{
    public PdfNumber(string text)
    {
        Text = text;
        // Lenient like every viewer: a malformed number ("1.-5") counts as zero instead of failing the whole file.
        Value = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }

    public PdfNumber(long value)
    {
        Text = value.ToString(CultureInfo.InvariantCulture);
        Value = value;
    }

    public PdfNumber(double value)
    {
        Text = Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);
        Value = value;
    }

    public string Text { get; }

    public double Value { get; }

    public bool IsInteger => Value == Math.Floor(Value) && !Text.Contains('.', StringComparison.Ordinal);

    public long LongValue => (long)Value;
}

/// <summary>A name; <see cref="Value"/> holds its bytes (after #xx decoding) as Latin-1 characters.</summary>
internal sealed class PdfName(string value) : PdfObject
{
    public string Value { get; } = value;

    public override bool Equals(object? obj) => obj is PdfName other && other.Value == Value;

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);
}

/// <summary>A string's bytes; <see cref="Offset"/>/<see cref="EndOffset"/> are its file positions when it was read from the file (the gap of a /ByteRange).</summary>
internal sealed class PdfString(byte[] bytes, bool hex, long offset = -1, long endOffset = -1) : PdfObject
{
    public byte[] Bytes { get; } = bytes;

    public bool IsHex { get; } = hex;

    public long Offset { get; } = offset;

    public long EndOffset { get; } = endOffset;

    /// <summary>A text string (§7.9.2.2): UTF-16BE with a byte-order mark, always NFC.</summary>
    public static PdfString Text(string text)
    {
        var body = Encoding.BigEndianUnicode.GetBytes(text.Normalize(NormalizationForm.FormC));
        return new PdfString([0xFE, 0xFF, .. body], hex: true);
    }

    public static PdfString Ascii(string text) => new(Encoding.ASCII.GetBytes(text), hex: false);

    /// <summary>Decodes a text string: UTF-16BE or UTF-8 with their byte-order marks, otherwise PDFDocEncoding (read as Latin-1).</summary>
    public string DecodeText()
    {
        if (Bytes is [0xFE, 0xFF, ..])
        {
            return Encoding.BigEndianUnicode.GetString(Bytes, 2, Bytes.Length - 2);
        }

        if (Bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            return Encoding.UTF8.GetString(Bytes, 3, Bytes.Length - 3);
        }

        return Encoding.Latin1.GetString(Bytes);
    }
}

internal sealed class PdfArray : PdfObject
{
    public PdfArray()
    {
    }

    public PdfArray(IEnumerable<PdfObject> items) => Items.AddRange(items);

    public List<PdfObject> Items { get; } = [];
}

/// <summary>A dictionary that keeps its keys in the order they were read or added.</summary>
internal sealed class PdfDictionary : PdfObject
{
    public OrderedDictionary<string, PdfObject> Entries { get; } = new(StringComparer.Ordinal);

    public PdfObject? this[string key]
    {
        get => Entries.TryGetValue(key, out var value) ? value : null;
        set
        {
            if (value is null)
            {
                Entries.Remove(key);
            }
            else
            {
                Entries[key] = value;
            }
        }
    }

    public string? NameOf(string key) => this[key] is PdfName name ? name.Value : null;

    /// <summary>A shallow copy: the same values under the same keys, so one key can be replaced without touching the original.</summary>
    public PdfDictionary Copy()
    {
        var copy = new PdfDictionary();
        foreach (var (key, value) in Entries)
        {
            copy.Entries[key] = value;
        }

        return copy;
    }
}

internal sealed class PdfReference(int number, int generation) : PdfObject
{
    public int Number { get; } = number;

    public int Generation { get; } = generation;

    public override bool Equals(object? obj) => obj is PdfReference other && other.Number == Number && other.Generation == Generation;

    public override int GetHashCode() => HashCode.Combine(Number, Generation);
}

/// <summary>
/// A stream: its dictionary and either its bytes (<see cref="Data"/>, for streams we write or decoded from an object
/// stream) or the file offset where its bytes start (<see cref="DataOffset"/>; /Length says how many).
/// </summary>
internal sealed class PdfStream(PdfDictionary dictionary, long dataOffset, byte[]? data) : PdfObject
{
    public PdfDictionary Dictionary { get; } = dictionary;

    public long DataOffset { get; } = dataOffset;

    public byte[]? Data { get; } = data;
}
