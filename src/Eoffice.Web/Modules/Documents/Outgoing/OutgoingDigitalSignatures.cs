using System.Globalization;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Outgoing.Layout;
using Eoffice.Web.Modules.Signing.Contracts;
using Eoffice.Web.Platform.Conversion;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Signing.Pdf;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Outgoing;

/// <summary>
/// The digital path of an outgoing document (Decree 30 Art. 5, 32; REQUIREMENTS §1.8): the leader signs the PDF of the
/// final version's layout with their own certificate, the image of their handwriting in the signature block; at
/// issuance the clerk's step writes the number and the day into their blanks (a revision of their own, so the leader's
/// signature stays valid), then the agency's signature with the seal over the left third of the leader's image, and
/// the agency's signature, with its text and no image, at the top right of each PDF annex; page 1 also gets the QR
/// code and short code of the public verification page (<see cref="PublicVerification"/>). Signing itself is the
/// Signing module's (<see cref="IPdfSigning"/>).
/// </summary>
public sealed class OutgoingDigitalSignatures(OutgoingLayouts layouts, PdfRenditions renditions, FileStore files, IPdfSigning signing, PublicVerification verification,
    TimeProvider time)
{
    /// <summary>The PDF the leader signs: the view of the current version's layout, once LibreOffice made it.</summary>
    public async Task<Guid> LayoutPdfAsync(OutgoingDocument document, CancellationToken cancellationToken)
    {
        var layout = document.CurrentVersion.LayoutFileId ?? throw RuleException.Conflict("Dự thảo chưa có bản trình bày theo thể thức; không ký số được.");
        var view = await renditions.StatusAsync(layout, cancellationToken);
        return view.State switch
        {
            PdfViewState.Ready => view.PdfFileId!.Value,
            PdfViewState.Pending or PdfViewState.NotRequested => throw RuleException.Conflict("Bản PDF của dự thảo đang được tạo; vui lòng thử lại sau ít phút."),
            _ => throw RuleException.Conflict($"{view.Message} Không ký số được; có thể ký trên giấy."),
        };
    }

    /// <summary>
    /// The leader's signature box: the one the signer dragged on the page (from the page's top-left, in points), else
    /// the space between the position line and the name in the layout.
    /// </summary>
    public async Task<SignatureBox> LeaderBoxAsync(OutgoingDocument document, Guid pdfFileId, DraggedBox? dragged, CancellationToken cancellationToken)
    {
        var pages = await WordsAsync(pdfFileId, null, cancellationToken);
        if (dragged is { } d)
        {
            var page = pages.FirstOrDefault(p => p.PageIndex == d.PageIndex)
                ?? throw RuleException.Invalid($"Văn bản không có trang {d.PageIndex + 1}.", "placement");
            if (d.Width < 20 || d.Height < 15 || d.Left < 0 || d.Top < 0 || d.Left + d.Width > page.Width || d.Top + d.Height > page.Height)
            {
                throw RuleException.Invalid("Vùng đặt chữ ký phải nằm trong trang và đủ lớn.", "placement");
            }

            var r = PdfRectangle.FromTopLeft(d.Left, d.Top, d.Width, d.Height, page.Height);
            return new SignatureBox(d.PageIndex, r.X, r.Y, r.Width, r.Height);
        }

        return await AutomaticBoxAsync(document, pages, cancellationToken)
            ?? throw RuleException.Invalid("Không tìm thấy vị trí chữ ký (giữa chức vụ và họ tên người ký) trong văn bản; hãy chọn vùng đặt chữ ký trên trang.", "placement");
    }

    /// <summary>
    /// What the Sign page shows before the signer drags a box: the PDF to be signed and, when the layout has one, the
    /// signature block found automatically (from the page's top-left, in points); null while there is no PDF to sign.
    /// </summary>
    public async Task<SignaturePlacementPreview?> PlacementPreviewAsync(OutgoingDocument document, CancellationToken cancellationToken)
    {
        if (document.CurrentVersion.LayoutFileId is not { } layout
            || await renditions.StatusAsync(layout, cancellationToken) is not { State: PdfViewState.Ready, PdfFileId: { } pdf })
        {
            return null;
        }

        var pages = await WordsAsync(pdf, null, cancellationToken);
        var box = await AutomaticBoxAsync(document, pages, cancellationToken);
        var height = box is null ? 0 : pages.First(p => p.PageIndex == box.PageIndex).Height;
        return new SignaturePlacementPreview(pdf, box is null ? null : new DraggedBox(box.PageIndex, box.X, height - box.Y - box.Height, box.Width, box.Height));
    }

    private async Task<SignatureBox?> AutomaticBoxAsync(OutgoingDocument document, IReadOnlyList<PdfPageWords> pages, CancellationToken cancellationToken)
    {
        var layout = await layouts.LayoutOfAsync(document, cancellationToken);
        return LayoutPositions.SignatureBox(pages, layout.SignerName, layout.PositionLine);
    }

    /// <summary>The leader signs now with a key the server reaches (a PKCS#12 file, a PKCS#11 token and its PIN).</summary>
    public Task<PdfSigningResult> SignAsLeaderAsync(OutgoingDocument document, Guid pdfFileId, SignatureBox box, Guid? certificateId, string? pin,
        CancellationToken cancellationToken) => signing.SignAsync(LeaderRequest(document, pdfFileId, box, certificateId, pin), cancellationToken);

    /// <summary>The leader's signature through a remote service (approved on the phone) or the local agent: the first half.</summary>
    public Task<DeferredSignature> BeginAsLeaderAsync(OutgoingDocument document, Guid pdfFileId, SignatureBox box, Guid? certificateId,
        CancellationToken cancellationToken) => signing.BeginAsync(LeaderRequest(document, pdfFileId, box, certificateId, null), cancellationToken);

    /// <summary>The second half, with the same file and box: null while the phone has not answered.</summary>
    public Task<PdfSigningResult?> CompleteAsLeaderAsync(OutgoingDocument document, Guid pdfFileId, SignatureBox box, Guid? certificateId, string token,
        byte[]? signatureValue, CancellationToken cancellationToken) =>
        signing.CompleteAsync(LeaderRequest(document, pdfFileId, box, certificateId, null), token, signatureValue, cancellationToken);

    private static PdfSigningRequest LeaderRequest(OutgoingDocument document, Guid pdfFileId, SignatureBox box, Guid? certificateId, string? pin) => new(
        pdfFileId,
        $"du-thao-v{document.VersionNumber}-da-ky.pdf",
        SignatureRole.Personal,
        CapacityOf(document.Authority),
        certificateId,
        pin,
        new SignatureLook(new PageBox(box.PageIndex, box.X, box.Y, box.Width, box.Height), WithImage: true, []),
        [],
        "Ký ban hành văn bản",
        OutgoingHandling.Title(document));

    /// <summary>
    /// At issuance, after the number is taken: the number and the day into the leader's signed PDF, then the agency's
    /// signature with the seal; the PDF annexes get the agency's signature at the top right of page 1. Any refusal
    /// (no seal certificate, wrong PIN) throws, and the issuance's transaction gives the number back.
    /// </summary>
    public async Task<(VersionFile Main, IReadOnlyList<VersionFile> Annexes, string VerificationCode)> SealAsync(OutgoingDocument document, string issuer,
        Guid? certificateId, string? pin, CancellationToken cancellationToken)
    {
        var signed = document.SignedFileId ?? throw RuleException.Conflict("Văn bản chưa được ký số.");
        var first = (await WordsAsync(signed, (i, _) => i == 0, cancellationToken))[0];
        var texts = LayoutPositions.NumberAndDate(first, document.Number!.Value, document.Metadata.IssuedDate!.Value)
            ?? throw RuleException.Conflict("Không tìm thấy chỗ ghi số và ngày tháng (\"Số:      /…\", \"ngày      tháng      năm\") trên trang đầu của văn bản đã ký.");
        var leader = SignatureBox.Parse(document.SignaturePlacement) ?? throw RuleException.Conflict("Không rõ vị trí chữ ký của người ký.");
        var seal = await signing.ImageSizeAsync(SignatureRole.AgencySeal, cancellationToken)
            ?? throw RuleException.Conflict("Cơ quan chưa có ảnh con dấu; quản trị cần tải ảnh con dấu lên trước khi phát hành văn bản ký số.");
        var code = PublicVerification.NewCode();
        var proof = new PageText(LayoutPositions.BottomRight(first), $"Mã xác thực: {PublicVerification.Display(code)}\nKiểm tra bản gốc tại:\n{verification.UrlOf("")}",
            7, verification.UrlOf(code));
        var name = FileName(document, null);
        var main = await signing.SignAsync(new PdfSigningRequest(
            signed, name, SignatureRole.AgencySeal, SignerCapacity.None, certificateId, pin,
            new SignatureLook(LayoutPositions.Seal(leader, seal), WithImage: true, []),
            [.. texts, proof], "Ký số của cơ quan, tổ chức (phát hành)", OutgoingHandling.Title(document)), cancellationToken);

        var annexes = new List<VersionFile>();
        foreach (var (annex, i) in document.CurrentVersion.Annexes.Select((a, i) => (a, i)))
        {
            var stored = await files.GetAsync(annex.FileId, cancellationToken);
            if (stored.ContentType != FileTypeSniffer.Pdf)
            {
                annexes.Add(annex);
                continue;
            }

            var page = (await WordsAsync(annex.FileId, (p, _) => p == 0, cancellationToken))[0];
            var lines = AnnexLines(issuer, document.CodeText, time.GetUtcNow());
            var result = await signing.SignAsync(new PdfSigningRequest(
                annex.FileId, FileName(document, i + 1), SignatureRole.AgencySeal, SignerCapacity.None, main.CertificateId, pin,
                new SignatureLook(LayoutPositions.TopRight(page, lines.Count), WithImage: false, lines), [],
                "Ký số của cơ quan, tổ chức (phụ lục)", $"phụ lục {i + 1} của {OutgoingHandling.Title(document)}"), cancellationToken);
            annexes.Add(new VersionFile(result.FileId, result.FileName));
        }

        return (new VersionFile(main.FileId, main.FileName), annexes, code);
    }

    /// <summary>§1.8.4: the agency, the number and symbol and the signing time in ISO 8601 with the Vietnam offset.</summary>
    public static IReadOnlyList<string> AnnexLines(string issuer, string codeText, DateTimeOffset at) =>
    [
        issuer,
        codeText,
        VietnamTime.Iso8601(at),
    ];

    private static string FileName(OutgoingDocument document, int? annex) =>
        $"{document.Metadata.CodeNumber}-{document.Metadata.CodeNotation}{(annex is { } n ? $"-phu-luc-{n}" : "")}.pdf".Replace('/', '-');

    private static SignerCapacity CapacityOf(SigningAuthority authority) => authority switch
    {
        SigningAuthority.ForHead => SignerCapacity.Deputy,
        SigningAuthority.ByOrder => SignerCapacity.ByOrder,
        SigningAuthority.ByAuthorisation => SignerCapacity.ByAuthorisation,
        _ => SignerCapacity.OwnRight,
    };

    /// <summary>The words of the chosen pages of a stored PDF (all when <paramref name="pages"/> is null); another type or an unreadable file is refused.</summary>
    internal async Task<IReadOnlyList<PdfPageWords>> WordsAsync(Guid fileId, Func<int, int, bool>? pages, CancellationToken cancellationToken,
        string? field = null)
    {
        await using var opened = await files.OpenReadAsSystemAsync(fileId, cancellationToken);
        if (opened.File.ContentType != FileTypeSniffer.Pdf)
        {
            throw RuleException.Invalid("Chỉ ký số được tệp PDF (bản quét văn bản giấy cần ở dạng PDF).", field);
        }

        using var memory = new MemoryStream();
        await opened.Content.CopyToAsync(memory, cancellationToken);
        memory.Position = 0;
        try
        {
            var read = PdfTextPositions.Read(memory, pages);
            return read.Count > 0 ? read : throw RuleException.Invalid("Tệp PDF không có trang nào.", field);
        }
        catch (PdfFormatException e)
        {
            throw RuleException.Invalid(e.Message, field);
        }
    }
}

/// <summary>A rectangle the signer dragged on a page of the viewer: page index from 0, points from the page's top-left corner.</summary>
public sealed record DraggedBox(int PageIndex, double Left, double Top, double Width, double Height);

/// <summary>The PDF the leader signs and the automatically found signature block, if any, as a box from the page's top-left.</summary>
public sealed record SignaturePlacementPreview(Guid PdfFileId, DraggedBox? Automatic);
