using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Eoffice.Web.Platform.Signing.Pdf;

/// <summary>
/// Signs a PDF with a PAdES signature (ETSI.CAdES.detached) added as an incremental update, so that every earlier
/// signature stays valid (leader, then agency seal, then copies). Memory stays flat for any file size: the source is
/// read by seeking (only the objects the update needs), copied with a buffer, and the digest is computed streaming
/// over the output. Two-phase for signers that answer later: <see cref="PrepareAsync"/> writes the update with an
/// empty placeholder and returns the digest to sign; <see cref="CompleteAsync"/> writes the CMS into the placeholder.
/// The output must be a readable, writable, seekable stream (a file opened for read/write).
/// </summary>
public sealed class PdfSigner(TimeProvider? timeProvider = null)
{
    private const string ByteRangePlaceholder = "[0 0000000000 0000000000 0000000000]";
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    public async Task<PdfSignOutcome> SignAsync(Stream source, Stream output, PdfSignatureOptions options, ICmsSigner signer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var prepared = await PrepareAsync(source, output, options, ct);
        var signature = await signer.SignAsync(new CmsSignatureRequest(prepared.DocumentDigest, prepared.SigningTime), ct);
        await CompleteAsync(output, prepared, signature.Der, ct);
        return new PdfSignOutcome(prepared.FieldName, prepared.ByteRange, prepared.DocumentDigest, prepared.SigningTime, signature.Certificate);
    }

    public async Task<PreparedPdfSignature> PrepareAsync(Stream source, Stream output, PdfSignatureOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        if (options.PlaceholderSize is < 1024 or > 1024 * 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The placeholder holds between 1 KB and 1 MB of DER.");
        }

        var reader = new PdfFileReader(source);
        var update = new PdfIncrementalUpdate(reader, output);
        var view = update.View;
        var pages = view.Pages();
        var appearance = options.Appearance;
        var pageIndex = appearance?.PageIndex ?? 0;
        if (pageIndex < 0 || pageIndex >= pages.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"Trang {pageIndex + 1} không có trong tài liệu ({pages.Count} trang).");
        }

        var page = pages[pageIndex];
        var (form, formReference) = view.AcroForm();
        var existingNames = FieldNames(view, form);
        var fieldName = Nfc(options.FieldName) ?? Enumerable.Range(1, int.MaxValue).Select(i => $"Signature{i}").First(n => !existingNames.Contains(n));
        if (existingNames.Contains(fieldName))
        {
            throw new ArgumentException($"Tài liệu đã có trường chữ ký tên \"{fieldName}\".", nameof(options));
        }

        var signingTime = time.GetUtcNow().ToOffset(VietnamOffset);
        signingTime = signingTime.AddTicks(-(signingTime.Ticks % TimeSpan.TicksPerSecond));

        await update.CopySourceAsync(source, ct);

        var widget = update.Allocate();
        var signature = update.Allocate();
        PdfReference? normal = null;
        if (appearance is not null)
        {
            normal = PdfAppearanceWriter.Write(update, appearance.Rectangle.Width, appearance.Rectangle.Height, appearance.Png, appearance.TextLines);
        }

        // The signature dictionary is written by hand so that the offsets of /ByteRange and /Contents are known.
        var body = new StringBuilder("<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached/ByteRange");
        var byteRangeAt = body.Length;
        body.Append(ByteRangePlaceholder).Append("/Contents");
        var contentsAt = body.Length;
        body.Append('<').Append('0', options.PlaceholderSize * 2).Append('>');
        body.Append("/M");
        PdfSerializer.Write(body, PdfString.Ascii(PdfDate(signingTime)));
        AppendText(body, "Name", options.Name);
        AppendText(body, "Reason", options.Reason);
        AppendText(body, "Location", options.Location);
        AppendText(body, "ContactInfo", options.ContactInfo);
        body.Append(">>");
        var bodyStart = update.WriteBody(signature, Encoding.Latin1.GetBytes(body.ToString()));
        var contentsStart = bodyStart + contentsAt;
        var contentsEnd = contentsStart + (options.PlaceholderSize * 2) + 2;

        var field = new PdfDictionary();
        field["Type"] = new PdfName("Annot");
        field["Subtype"] = new PdfName("Widget");
        field["FT"] = new PdfName("Sig");
        field["T"] = PdfString.Text(fieldName);
        field["V"] = signature;
        field["F"] = new PdfNumber(132L);
        field["P"] = page.Reference;
        field["Rect"] = Rect(page, appearance?.Rectangle);
        if (normal is not null)
        {
            var ap = new PdfDictionary();
            ap["N"] = normal;
            field["AP"] = ap;
        }

        update.Write(widget, field);
        update.AppendAnnotations(page, [widget]);
        AppendField(update, view, form, formReference, widget);
        var length = update.Finish();

        long[] byteRange = [0, contentsStart, contentsEnd, length - contentsEnd];
        var filled = string.Create(CultureInfo.InvariantCulture, $"[0 {byteRange[1]} {byteRange[2]} {byteRange[3]}");
        filled = filled.PadRight(ByteRangePlaceholder.Length - 1) + "]";
        output.Seek(bodyStart + byteRangeAt, SeekOrigin.Begin);
        await output.WriteAsync(Encoding.ASCII.GetBytes(filled), ct);
        await output.FlushAsync(ct);

        var digest = PdfSignatureInspector.ComputeDigest(output, byteRange);
        return new PreparedPdfSignature(fieldName, digest, byteRange, contentsStart, options.PlaceholderSize, signingTime);
    }

    public async Task CompleteAsync(Stream output, PreparedPdfSignature prepared, byte[] cms, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(cms);
        if (cms.Length > prepared.PlaceholderSize)
        {
            throw new PdfSignatureTooLargeException(cms.Length, prepared.PlaceholderSize);
        }

        var brackets = new byte[1];
        output.Seek(prepared.PlaceholderOffset, SeekOrigin.Begin);
        output.ReadExactly(brackets);
        var closing = new byte[1];
        output.Seek(prepared.PlaceholderOffset + (prepared.PlaceholderSize * 2) + 1, SeekOrigin.Begin);
        output.ReadExactly(closing);
        if (brackets[0] != '<' || closing[0] != '>')
        {
            throw new InvalidOperationException("The output is not the file this signature was prepared in: no placeholder at the recorded offset.");
        }

        output.Seek(prepared.PlaceholderOffset + 1, SeekOrigin.Begin);
        await output.WriteAsync(Encoding.ASCII.GetBytes(Convert.ToHexString(cms)), ct);
        await output.FlushAsync(ct);
    }

    /// <summary>A PDF date (§7.9.4) in the time's own offset, e.g. D:20261202093000+07'00'.</summary>
    internal static string PdfDate(DateTimeOffset value)
    {
        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"D:{value:yyyyMMddHHmmss}{sign}{abs.Hours:D2}'{abs.Minutes:D2}'");
    }

    internal static PdfArray Rect(PdfPageInfo page, PdfRectangle? rectangle)
    {
        if (rectangle is not { } r)
        {
            return new PdfArray([new PdfNumber(0L), new PdfNumber(0L), new PdfNumber(0L), new PdfNumber(0L)]);
        }

        if (r.Width <= 0 || r.Height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rectangle), "Vùng hiển thị chữ ký phải có chiều rộng và chiều cao dương.");
        }

        var x = page.MediaBox[0] + r.X;
        var y = page.MediaBox[1] + r.Y;
        return new PdfArray([new PdfNumber(x), new PdfNumber(y), new PdfNumber(x + r.Width), new PdfNumber(y + r.Height)]);
    }

    private static void AppendField(PdfIncrementalUpdate update, PdfView view, PdfDictionary? form, PdfReference? formReference, PdfReference widget)
    {
        var newForm = form?.Copy() ?? new PdfDictionary();
        newForm["Fields"] = new PdfArray([.. (view.Resolve(form?["Fields"]) as PdfArray)?.Items ?? [], widget]);
        newForm["SigFlags"] = new PdfNumber(3L);
        if (formReference is not null)
        {
            update.Write(update.Rewritten(formReference), newForm);
            return;
        }

        // A direct AcroForm (or none yet): the catalog is rewritten; a new form becomes its own object.
        var catalog = view.Catalog.Copy();
        if (form is null)
        {
            var created = update.Allocate();
            update.Write(created, newForm);
            catalog["AcroForm"] = created;
        }
        else
        {
            catalog["AcroForm"] = newForm;
        }

        update.Write(update.Rewritten(view.RootReference), catalog);
    }

    private static HashSet<string> FieldNames(PdfView view, PdfDictionary? form)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in (view.Resolve(form?["Fields"]) as PdfArray)?.Items ?? [])
        {
            if (view.ResolveDictionary(field)?["T"] is PdfString t)
            {
                names.Add(t.DecodeText().Normalize(NormalizationForm.FormC));
            }
        }

        return names;
    }

    private static void AppendText(StringBuilder body, string key, string? value)
    {
        if (Nfc(value) is { } text)
        {
            PdfSerializer.WriteName(body, key);
            PdfSerializer.Write(body, PdfString.Text(text));
        }
    }

    private static string? Nfc(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Normalize(NormalizationForm.FormC);
}
