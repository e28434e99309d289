using System.Text;
using UglyToad.PdfPig;

namespace Eoffice.Web.Platform.Signing.Pdf;

/// <summary>A word on a page with its box in PDF user space (origin bottom-left, points) and its font size; text in NFC.</summary>
public sealed record PdfWord(string Text, double Left, double Bottom, double Right, double Top, double FontSize)
{
    public double CenterX => (Left + Right) / 2;
}

/// <summary>The words of one page, in reading order as PdfPig gives them.</summary>
public sealed record PdfPageWords(int PageIndex, double Width, double Height, IReadOnlyList<PdfWord> Words);

/// <summary>
/// Where text is on the pages of a PDF (PdfPig): how the signing steps find the signature block, the number line and
/// the date line of a document laid out by eOffice, so that an image or a stamp lands where Decree 30 puts it. PdfPig
/// reads the whole file; it is used on layouts of a few pages, never on uploaded scans.
/// </summary>
public static class PdfTextPositions
{
    /// <summary>The words of the pages <paramref name="pageIndexes"/> selects (all when null). Unreadable files throw <see cref="PdfFormatException"/>.</summary>
    public static IReadOnlyList<PdfPageWords> Read(Stream pdf, Func<int, int, bool>? pageIndexes = null)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        try
        {
            using var document = PdfDocument.Open(pdf);
            var count = document.NumberOfPages;
            var pages = new List<PdfPageWords>();
            for (var i = 0; i < count; i++)
            {
                if (pageIndexes is not null && !pageIndexes(i, count))
                {
                    continue;
                }

                var page = document.GetPage(i + 1);
                var words = page.GetWords()
                    .Where(w => !string.IsNullOrWhiteSpace(w.Text))
                    .Select(w => new PdfWord(w.Text.Normalize(NormalizationForm.FormC), w.BoundingBox.Left, w.BoundingBox.Bottom, w.BoundingBox.Right,
                        w.BoundingBox.Top, w.Letters.Count > 0 ? w.Letters[0].PointSize : 0))
                    .ToList();
                pages.Add(new PdfPageWords(i, page.Width, page.Height, words));
            }

            return pages;
        }
        catch (Exception e) when (e is not PdfFormatException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw new PdfFormatException(e.Message);
        }
    }
}
