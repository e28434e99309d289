using System.Globalization;
using System.Text;

namespace Eoffice.Web.Platform.Signing.Pdf;

/// <summary>
/// Lexer and parser over a window of bytes (ISO 32000-1 §7.2–7.3). The reader hands it a window read from the file at
/// some offset; when a token runs past the window before the file ends the parser throws
/// <see cref="PdfNeedMoreDataException"/> and the reader retries with a bigger window. That keeps reading by seeking:
/// only the bytes of the objects we need are ever read, and stream data is skipped (its offset is recorded).
/// </summary>
internal sealed class PdfParser(byte[] buffer, int length, long baseOffset, bool windowEndsFile, bool offsetsAreFilePositions = true)
{
    private int position;

    public int Position
    {
        get => position;
        set => position = value;
    }

    public long FilePosition => baseOffset + position;

    public static PdfParser ForBytes(byte[] bytes) => new(bytes, bytes.Length, 0, windowEndsFile: true, offsetsAreFilePositions: false);

    /// <summary>Parses "n g obj" and the object after it; a stream's data is not read, only located.</summary>
    public (int Number, int Generation, PdfObject Value) ParseIndirectObject()
    {
        var number = ExpectInteger();
        var generation = ExpectInteger();
        ExpectKeyword("obj");
        var value = ParseObject();
        if (value is PdfDictionary dictionary && PeekKeyword("stream"))
        {
            ReadToken();
            // The keyword is followed by CRLF or LF (§7.3.8.1); a lone CR is tolerated.
            if (Peek() == '\r')
            {
                position++;
            }

            if (Peek() == '\n')
            {
                position++;
            }

            value = new PdfStream(dictionary, baseOffset + position, null);
        }

        return (number, generation, value);
    }

    public PdfObject ParseObject()
    {
        var token = ReadToken();
        return ObjectFrom(token);
    }

    private PdfObject ObjectFrom(Token token)
    {
        switch (token.Kind)
        {
            case TokenKind.Number:
                if (IsUnsignedInteger(token.Text))
                {
                    var saved = position;
                    var second = ReadToken();
                    if (second.Kind == TokenKind.Number && IsUnsignedInteger(second.Text))
                    {
                        var third = ReadToken();
                        if (third is { Kind: TokenKind.Keyword, Text: "R" })
                        {
                            return new PdfReference(int.Parse(token.Text, CultureInfo.InvariantCulture), int.Parse(second.Text, CultureInfo.InvariantCulture));
                        }
                    }

                    position = saved;
                }

                return new PdfNumber(token.Text);
            case TokenKind.Name:
                return new PdfName(token.Text);
            case TokenKind.String:
                return token.String!;
            case TokenKind.ArrayStart:
                var array = new PdfArray();
                while (true)
                {
                    var next = ReadToken();
                    if (next.Kind == TokenKind.ArrayEnd)
                    {
                        return array;
                    }

                    array.Items.Add(ObjectFrom(next));
                }

            case TokenKind.DictionaryStart:
                var dictionary = new PdfDictionary();
                while (true)
                {
                    var key = ReadToken();
                    if (key.Kind == TokenKind.DictionaryEnd)
                    {
                        return dictionary;
                    }

                    if (key.Kind != TokenKind.Name)
                    {
                        throw Malformed($"a dictionary key was expected, found '{key.Text}'");
                    }

                    var value = ObjectFrom(ReadToken());
                    // A null value means the key is absent (§7.3.7).
                    if (value is not PdfNull)
                    {
                        dictionary.Entries[key.Text] = value;
                    }
                }

            case TokenKind.Keyword:
                return token.Text switch
                {
                    "true" => new PdfBoolean(true),
                    "false" => new PdfBoolean(false),
                    "null" => PdfNull.Instance,
                    _ => throw Malformed($"unexpected keyword '{token.Text}'"),
                };
            default:
                throw Malformed($"unexpected '{token.Text}'");
        }
    }

    public int ExpectInteger()
    {
        var token = ReadToken();
        if (token.Kind != TokenKind.Number || !int.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Malformed($"an integer was expected, found '{token.Text}'");
        }

        return value;
    }

    public long ExpectLong()
    {
        var token = ReadToken();
        if (token.Kind != TokenKind.Number || !long.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw Malformed($"an integer was expected, found '{token.Text}'");
        }

        return value;
    }

    public void ExpectKeyword(string keyword)
    {
        var token = ReadToken();
        if (token.Kind != TokenKind.Keyword || token.Text != keyword)
        {
            throw Malformed($"'{keyword}' was expected, found '{token.Text}'");
        }
    }

    public bool PeekKeyword(string keyword)
    {
        var saved = position;
        var token = ReadToken();
        position = saved;
        return token.Kind == TokenKind.Keyword && token.Text == keyword;
    }

    public Token ReadToken()
    {
        SkipWhitespaceAndComments();
        if (position >= length)
        {
            return windowEndsFile ? new Token(TokenKind.EndOfData, "end of file") : throw new PdfNeedMoreDataException();
        }

        var start = position;
        var c = buffer[position];
        switch (c)
        {
            case (byte)'/':
                position++;
                return new Token(TokenKind.Name, ReadName());
            case (byte)'(':
                position++;
                var literal = ReadLiteralString();
                return new Token(TokenKind.String, "(string)", new PdfString(literal, false, Offset(start), Offset(position)));
            case (byte)'<':
                if (At(position + 1) == '<')
                {
                    position += 2;
                    return new Token(TokenKind.DictionaryStart, "<<");
                }

                position++;
                var hex = ReadHexString();
                return new Token(TokenKind.String, "<string>", new PdfString(hex, true, Offset(start), Offset(position)));
            case (byte)'>':
                if (At(position + 1) == '>')
                {
                    position += 2;
                    return new Token(TokenKind.DictionaryEnd, ">>");
                }

                throw Malformed("a lone '>'");
            case (byte)'[':
                position++;
                return new Token(TokenKind.ArrayStart, "[");
            case (byte)']':
                position++;
                return new Token(TokenKind.ArrayEnd, "]");
            case (byte)'{' or (byte)'}' or (byte)')':
                position++;
                throw Malformed($"unexpected '{(char)c}'");
        }

        while (position < length && IsRegular(buffer[position]))
        {
            position++;
        }

        if (position >= length && !windowEndsFile)
        {
            throw new PdfNeedMoreDataException();
        }

        var text = Encoding.Latin1.GetString(buffer, start, position - start);
        return IsNumeric(text) ? new Token(TokenKind.Number, text) : new Token(TokenKind.Keyword, text);
    }

    public void SkipWhitespaceAndComments()
    {
        while (true)
        {
            while (position < length && IsWhitespace(buffer[position]))
            {
                position++;
            }

            if (position < length && buffer[position] == '%')
            {
                while (position < length && buffer[position] is not (byte)'\r' and not (byte)'\n')
                {
                    position++;
                }

                continue;
            }

            return;
        }
    }

    private long Offset(int index) => offsetsAreFilePositions ? baseOffset + index : -1;

    private int Peek() => position < length ? buffer[position] : windowEndsFile ? -1 : throw new PdfNeedMoreDataException();

    private int At(int index) => index < length ? buffer[index] : windowEndsFile ? -1 : throw new PdfNeedMoreDataException();

    private string ReadName()
    {
        var bytes = new List<byte>();
        while (position < length && IsRegular(buffer[position]))
        {
            var c = buffer[position];
            if (c == '#' && position + 2 < length && IsHexDigit(buffer[position + 1]) && IsHexDigit(buffer[position + 2]))
            {
                bytes.Add((byte)((HexValue(buffer[position + 1]) << 4) | HexValue(buffer[position + 2])));
                position += 3;
                continue;
            }

            bytes.Add(c);
            position++;
        }

        if (position >= length && !windowEndsFile)
        {
            throw new PdfNeedMoreDataException();
        }

        return Encoding.Latin1.GetString(bytes.ToArray());
    }

    private byte[] ReadLiteralString()
    {
        var bytes = new List<byte>();
        var depth = 1;
        while (true)
        {
            var c = Next();
            switch (c)
            {
                case '(':
                    depth++;
                    bytes.Add((byte)c);
                    break;
                case ')':
                    if (--depth == 0)
                    {
                        return bytes.ToArray();
                    }

                    bytes.Add((byte)c);
                    break;
                case '\r':
                    // An unescaped end of line in a string is a line feed, whatever the file used (§7.3.4.2).
                    if (Peek() == '\n')
                    {
                        position++;
                    }

                    bytes.Add((byte)'\n');
                    break;
                case '\\':
                    var e = Next();
                    switch (e)
                    {
                        case 'n': bytes.Add((byte)'\n'); break;
                        case 'r': bytes.Add((byte)'\r'); break;
                        case 't': bytes.Add((byte)'\t'); break;
                        case 'b': bytes.Add((byte)'\b'); break;
                        case 'f': bytes.Add((byte)'\f'); break;
                        case '\r':
                            if (Peek() == '\n')
                            {
                                position++;
                            }

                            break;
                        case '\n':
                            break;
                        case >= '0' and <= '7':
                            var value = e - '0';
                            for (var i = 0; i < 2 && Peek() is >= '0' and <= '7'; i++)
                            {
                                value = (value * 8) + (Next() - '0');
                            }

                            bytes.Add((byte)value);
                            break;
                        default:
                            bytes.Add((byte)e);
                            break;
                    }

                    break;
                default:
                    bytes.Add((byte)c);
                    break;
            }
        }
    }

    private byte[] ReadHexString()
    {
        var bytes = new List<byte>();
        var high = -1;
        while (true)
        {
            var c = Next();
            if (c == '>')
            {
                if (high >= 0)
                {
                    bytes.Add((byte)(high << 4));
                }

                return bytes.ToArray();
            }

            if (IsWhitespace((byte)c))
            {
                continue;
            }

            if (!IsHexDigit((byte)c))
            {
                throw Malformed($"'{(char)c}' in a hexadecimal string");
            }

            if (high < 0)
            {
                high = HexValue((byte)c);
            }
            else
            {
                bytes.Add((byte)((high << 4) | HexValue((byte)c)));
                high = -1;
            }
        }
    }

    private int Next()
    {
        if (position >= length)
        {
            throw windowEndsFile ? Malformed("the file ends inside a string") : new PdfNeedMoreDataException();
        }

        return buffer[position++];
    }

    private PdfFormatException Malformed(string what) =>
        new($"{what} at offset {(offsetsAreFilePositions ? baseOffset + position : position)}");

    private static bool IsUnsignedInteger(string text) => text.All(char.IsAsciiDigit);

    private static bool IsNumeric(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        var start = text[0] is '+' or '-' ? 1 : 0;
        var digits = 0;
        var dots = 0;
        for (var i = start; i < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                digits++;
            }
            else if (text[i] == '.')
            {
                dots++;
            }
            else
            {
                return false;
            }
        }

        return digits > 0 && dots <= 1;
    }

    public static bool IsWhitespace(byte c) => c is 0 or 9 or 10 or 12 or 13 or 32;

    public static bool IsDelimiter(byte c) => c is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']'
        or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    private static bool IsRegular(byte c) => !IsWhitespace(c) && !IsDelimiter(c);

    private static bool IsHexDigit(byte c) => char.IsAsciiHexDigit((char)c);

    private static int HexValue(byte c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    internal enum TokenKind
    {
        Number,
        Name,
        String,
        ArrayStart,
        ArrayEnd,
        DictionaryStart,
        DictionaryEnd,
        Keyword,
        EndOfData,
    }

    internal readonly record struct Token(TokenKind Kind, string Text, PdfString? String = null);
}

/// <summary>The parser reached the end of the bytes it was given before the file ends: read a bigger window.</summary>
internal sealed class PdfNeedMoreDataException : Exception;

/// <summary>The PDF does not follow the syntax our reader understands (or is damaged).</summary>
public sealed class PdfFormatException(string message) : Exception($"Tệp PDF bị hỏng hoặc không đọc được: {message}.");
