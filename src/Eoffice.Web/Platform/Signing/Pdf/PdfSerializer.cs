using System.Text;

namespace Eoffice.Web.Platform.Signing.Pdf;

/// <summary>
/// Writes objects back as PDF syntax. Names are escaped (#xx for every byte outside the regular printable range, for
/// delimiters and for '#' itself): a font name with a space written raw breaks the next reader (TECH-NOTES §1).
/// Strings are written as hexadecimal, which round-trips any bytes without escaping rules.
/// </summary>
internal static class PdfSerializer
{
    public static byte[] ToBytes(PdfObject value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return Encoding.Latin1.GetBytes(builder.ToString());
    }

    public static void Write(StringBuilder output, PdfObject value)
    {
        switch (value)
        {
            case PdfNull:
                output.Append("null");
                break;
            case PdfBoolean b:
                output.Append(b.Value ? "true" : "false");
                break;
            case PdfNumber n:
                output.Append(n.Text);
                break;
            case PdfName name:
                WriteName(output, name.Value);
                break;
            case PdfString s:
                output.Append('<').Append(Convert.ToHexString(s.Bytes)).Append('>');
                break;
            case PdfReference r:
                output.Append(r.Number).Append(' ').Append(r.Generation).Append(" R");
                break;
            case PdfArray array:
                output.Append('[');
                for (var i = 0; i < array.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        output.Append(' ');
                    }

                    Write(output, array.Items[i]);
                }

                output.Append(']');
                break;
            case PdfDictionary dictionary:
                output.Append("<<");
                foreach (var (key, item) in dictionary.Entries)
                {
                    WriteName(output, key);
                    output.Append(' ');
                    Write(output, item);
                }

                output.Append(">>");
                break;
            case PdfStream:
                throw new InvalidOperationException("A stream cannot be written inside another object.");
            default:
                throw new InvalidOperationException($"Unknown PDF object {value.GetType().Name}.");
        }
    }

    public static void WriteName(StringBuilder output, string name)
    {
        output.Append('/');
        foreach (var c in name)
        {
            var b = (byte)c;
            if (b is < 0x21 or > 0x7E or (byte)'#' || PdfParser.IsDelimiter(b))
            {
                output.Append('#').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                output.Append(c);
            }
        }
    }
}
