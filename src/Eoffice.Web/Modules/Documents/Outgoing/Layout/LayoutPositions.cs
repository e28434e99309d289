using System.Globalization;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Signing.Contracts;
using Eoffice.Web.Platform.Signing.Pdf;

namespace Eoffice.Web.Modules.Documents.Outgoing.Layout;

/// <summary>
/// Where, on the PDF of a document in its Decree 30 layout, the signatures and stamps go: the leader's image in the
/// space between the position line and the printed name (ô 7c), the number in the blank of "Số:      /…" and the day
/// and month in the blanks of "ngày      tháng      năm …" (ô 3, 4), the agency seal over the left third of the
/// leader's image (ô 8), an annex's or copy's agency signature at the top right of page 1 (ô 14). The text is found by
/// its words on the page, so an agency's own template works as long as it keeps these lines.
/// </summary>
public static class LayoutPositions
{
    /// <summary>Noto Serif's ascent (em): the stamp's box is placed so that its text sits on the line's baseline.</summary>
    private const double Ascent = 1.07;
    private const double DigitWidth = 0.56;
    private const double Padding = 2;

    /// <summary>The signature box: between the position line and the signer's name on the last page that has them; null when not found.</summary>
    public static SignatureBox? SignatureBox(IReadOnlyList<PdfPageWords> pages, string signerName, string positionLine)
    {
        foreach (var page in pages.OrderByDescending(p => p.PageIndex))
        {
            var name = Find(page.Words, signerName).LastOrDefault();
            if (name is null)
            {
                continue;
            }

            var nameTop = name.Max(w => w.Top);
            var position = Find(page.Words, positionLine).Where(p => p[0].Bottom > nameTop).OrderBy(p => p[0].Bottom).FirstOrDefault();
            var top = position is null ? nameTop + 80 : position.Min(w => w.Bottom) - 2;
            var bottom = nameTop + 2;
            var height = Math.Max(30, top - bottom);
            var center = (name[0].Left + name[^1].Right) / 2;
            const double width = 170;
            return new SignatureBox(page.PageIndex, Math.Max(0, center - (width / 2)), bottom, width, height);
        }

        return null;
    }

    /// <summary>The number and the day written into the blanks of page 1; null when the blanks are not found.</summary>
    public static IReadOnlyList<PageText>? NumberAndDate(PdfPageWords first, int number, DateOnly date)
    {
        var words = first.Words;
        var stamps = new List<PageText>();
        var so = words.Select((w, i) => (w, i)).FirstOrDefault(x => x.w.Text.Equals("Số:", StringComparison.OrdinalIgnoreCase));
        if (so.w is null)
        {
            return null;
        }

        var notation = words.Skip(so.i + 1).FirstOrDefault(w => SameLine(w, so.w) && w.Left > so.w.Right && w.Text.StartsWith('/'));
        if (notation is null)
        {
            return null;
        }

        stamps.Add(Between(first.PageIndex, so.w, notation, OfficialDateLine.NumberText(number), againstNext: true));
        var day = words.Select((w, i) => (w, i)).FirstOrDefault(x => x.w.Text.Equals("ngày", StringComparison.OrdinalIgnoreCase)
            && words.Skip(x.i + 1).Take(3).Any(n => SameLine(n, x.w) && n.Text.Equals("tháng", StringComparison.OrdinalIgnoreCase)));
        if (day.w is null)
        {
            return null;
        }

        var month = words.Skip(day.i + 1).First(n => SameLine(n, day.w) && n.Text.Equals("tháng", StringComparison.OrdinalIgnoreCase));
        var year = words.SkipWhile(w => !ReferenceEquals(w, month)).Skip(1).FirstOrDefault(n => SameLine(n, day.w) && n.Text.Equals("năm", StringComparison.OrdinalIgnoreCase));
        if (year is null)
        {
            return null;
        }

        stamps.Add(Between(first.PageIndex, day.w, month, date.Day.ToString("00", CultureInfo.InvariantCulture)));
        stamps.Add(Between(first.PageIndex, month, year, OfficialDateLine.MonthText(date.Month)));
        return stamps;
    }

    /// <summary>The agency seal at its size, its right edge at a third of the leader's image from the left, centred on it vertically.</summary>
    public static PageBox Seal(SignatureBox leader, SignatureImageSize seal)
    {
        var imageLeft = leader.X + ((leader.Width - Math.Min(leader.Width, leader.Height * 2.5)) / 2);
        var imageWidth = Math.Min(leader.Width, leader.Height * 2.5);
        var right = imageLeft + (imageWidth / 3);
        var middle = leader.Y + (leader.Height / 2);
        return new PageBox(leader.PageIndex, Math.Max(0, right - seal.Width), Math.Max(0, middle - (seal.Height / 2)), seal.Width, seal.Height);
    }

    /// <summary>The top right of page 1, in the top margin above the national motto, for an agency signature with text and no image (10 pt lines).</summary>
    public static PageBox TopRight(PdfPageWords first, int lines)
    {
        const double width = 240;
        var height = (lines * 13.6) + 4;
        return new PageBox(first.PageIndex, first.Width - width - 42, first.Height - height - 4, width, height);
    }

    /// <summary>The bottom margin of page 1, on the right, for the QR code and short code of the public verification (46 pt high).</summary>
    public static PageBox BottomRight(PdfPageWords first)
    {
        const double width = 200;
        const double height = 46;
        return new PageBox(first.PageIndex, first.Width - width - 42, 10, width, height);
    }

    /// <summary>The text in the blank between two words: centred, or against the next word ("Số: 05/QĐ-…").</summary>
    private static PageText Between(int page, PdfWord before, PdfWord after, string text, bool againstNext = false)
    {
        var size = before.FontSize is >= 6 and <= 30 ? before.FontSize : 13;
        var width = (text.Length * DigitWidth * size) + (2 * Padding) + 2;
        var center = againstNext ? after.Left - (width / 2) + Padding : (before.Right + after.Left) / 2;
        var height = (size * 1.4) + (2 * Padding);
        var top = before.Bottom + (Ascent * size) + Padding;
        return new PageText(new PageBox(page, center - (width / 2), top - height, width, height), text, size);
    }

    private static bool SameLine(PdfWord a, PdfWord b) => Math.Abs(a.Bottom - b.Bottom) < 3;

    /// <summary>Each run of consecutive words on one line that reads <paramref name="phrase"/> (case-insensitive).</summary>
    private static List<PdfWord[]> Find(IReadOnlyList<PdfWord> words, string phrase)
    {
        var tokens = phrase.Normalize(System.Text.NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var found = new List<PdfWord[]>();
        if (tokens.Length == 0)
        {
            return found;
        }

        for (var i = 0; i + tokens.Length <= words.Count; i++)
        {
            var run = words.Skip(i).Take(tokens.Length).ToArray();
            if (run.Select((w, k) => string.Equals(w.Text, tokens[k], StringComparison.InvariantCultureIgnoreCase) && SameLine(w, run[0])).All(ok => ok))
            {
                found.Add(run);
            }
        }

        return found;
    }
}
