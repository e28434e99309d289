using System.Text;

namespace Eoffice.Web.Platform.Signing.Pdf;

/// <summary>
/// Writes text onto pages as FreeText annotations with their own appearance, in one incremental update and without a
/// signature: at issuance the number and date go onto a document the leader already signed, before the agency seal.
/// The page content is untouched, so the leader's signature stays valid and the inspector reports the change as
/// <see cref="PdfLaterChanges.AnnotationsOrStamps"/>. The annotations are printed and locked (/F 132).
/// </summary>
public sealed class PdfStamper
{
    public async Task StampAsync(Stream source, Stream output, IReadOnlyList<PdfTextStamp> stamps, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(stamps);
        if (stamps.Count == 0)
        {
            throw new ArgumentException("Nothing to stamp.", nameof(stamps));
        }

        var reader = new PdfFileReader(source);
        var update = new PdfIncrementalUpdate(reader, output);
        var pages = update.View.Pages();
        foreach (var stamp in stamps)
        {
            if (stamp.PageIndex < 0 || stamp.PageIndex >= pages.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(stamps), $"Trang {stamp.PageIndex + 1} không có trong tài liệu ({pages.Count} trang).");
            }
        }

        await update.CopySourceAsync(source, ct);
        foreach (var group in stamps.GroupBy(s => s.PageIndex))
        {
            var page = pages[group.Key];
            var added = new List<PdfReference>();
            foreach (var stamp in group)
            {
                var lines = stamp.Lines.Select(l => l.Normalize(NormalizationForm.FormC)).ToList();
                var normal = PdfAppearanceWriter.Write(update, stamp.Rectangle.Width, stamp.Rectangle.Height, null, lines, stamp.FontSize, stamp.QrText);
                var annotation = new PdfDictionary();
                annotation["Type"] = new PdfName("Annot");
                annotation["Subtype"] = new PdfName("FreeText");
                annotation["Rect"] = PdfSigner.Rect(page, stamp.Rectangle);
                annotation["Contents"] = PdfString.Text(string.Join("\n", lines));
                annotation["DA"] = PdfString.Ascii("/Helv 10 Tf 0 g");
                annotation["F"] = new PdfNumber(132L);
                annotation["P"] = page.Reference;
                var border = new PdfDictionary();
                border["W"] = new PdfNumber(0L);
                annotation["BS"] = border;
                var ap = new PdfDictionary();
                ap["N"] = normal;
                annotation["AP"] = ap;
                var reference = update.Allocate();
                update.Write(reference, annotation);
                added.Add(reference);
            }

            update.AppendAnnotations(page, added);
        }

        update.Finish();
        await output.FlushAsync(ct);
    }
}
