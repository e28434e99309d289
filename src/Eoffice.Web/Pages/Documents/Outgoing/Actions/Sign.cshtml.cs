using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Modules.Signing.Contracts;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Outgoing.Actions;

/// <summary>
/// Duyệt ký: the signer signs digitally with their own certificate (the image of their handwriting goes into the
/// signature block of the PDF), or — the fallback — signs the printed draft on paper and attaches its scan; the
/// document goes to the clerk to issue.
/// </summary>
[RequirePermission(DocumentsPermissions.DraftOutgoing)]
public sealed class SignModel(OutgoingAccessControl access, OutgoingReview handler, FileStore files, IPdfSigning signing, OutgoingDigitalSignatures digital)
    : OutgoingActionPage(access)
{
    public const string Digital = "digital";
    public const string Paper = "paper";

    /// <summary>The form: digital (certificate, PIN) or paper (the scan, stored only once the form is valid), and the note.</summary>
    public sealed class Form : IValidatableRequest
    {
        public string Mode { get; set; } = Digital;

        public Guid? CertificateId { get; set; }

        [AsTyped]
        public string? Pin { get; set; }

        public IFormFile? Upload { get; set; }

        public string? Note { get; set; }

        /// <summary>The box dragged on the page (_SignaturePlacement); none: the layout's signature block.</summary>
        public DraggedBox? Placement { get; set; }

        // The handlers' own checks, with the scan standing for the file it will be.
        public Dictionary<string, string[]> Validate() => Mode == Paper
            ? new OutgoingReview.SignRequest(Upload is { Length: > 0 } ? Guid.Empty : null, Note).Validate()
                .ToDictionary(e => e.Key == "signedFileId" ? "upload" : e.Key, e => e.Value)
            : new OutgoingReview.SignDigitallyRequest(CertificateId, Pin, Placement, Note).Validate();
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    /// <summary>Where the page reaches the local signing agent (null: off).</summary>
    public string? LocalAgentUrl => signing.LocalAgentUrl;

    /// <summary>How the certificate signs, after its name in the list.</summary>
    public static string KindOf(UsableCertificate certificate) => certificate.Location switch
    {
        "pkcs11" => " — thiết bị ký số",
        "remote" => " — ký số từ xa (xác nhận trên điện thoại)",
        "agent" => " — phần mềm ký số trên máy của bạn",
        _ => "",
    };

    /// <summary>The signer's own certificates that are valid now.</summary>
    public IReadOnlyList<UsableCertificate> Certificates { get; private set; } = [];

    /// <summary>The PDF to sign with the automatic signature box, for dragging another; null without a PDF or a certificate.</summary>
    public SignaturePlacementPreview? Placement { get; private set; }

    protected override async Task OnLoadedAsync(CancellationToken cancellationToken)
    {
        Certificates = await signing.CertificatesAsync(SignatureRole.Personal, SignerCapacity.None, cancellationToken);
        if (Certificates.Count == 0 && Request.Method == HttpMethods.Get)
        {
            Input.Mode = Paper;
        }

        Placement = Certificates.Count > 0 ? await digital.PlacementPreviewAsync(Document, cancellationToken) : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Mode == Paper)
        {
            var scan = await SaveUploadAsync(files, Input.Upload, cancellationToken);
            await handler.SignAsync(Id, new OutgoingReview.SignRequest(scan, Input.Note), cancellationToken);
            return Done("Đã duyệt ký; văn bản chuyển văn thư phát hành.");
        }

        await handler.SignDigitallyAsync(Id, new OutgoingReview.SignDigitallyRequest(Input.CertificateId, Input.Pin, Input.Placement, Input.Note), cancellationToken);
        return Done("Đã ký số; văn bản chuyển văn thư cấp số và ký số của cơ quan.");
    }
}
