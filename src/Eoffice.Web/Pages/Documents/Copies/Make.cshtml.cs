using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Copies;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Signing.Contracts;
using Eoffice.Web.Pages.Documents.Shared;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Copies;

/// <summary>
/// /ban-sao/{kind}/{id}: the electronic copies of an outgoing (kind "outgoing") or incoming ("incoming") document, and
/// for a clerk holding the agency seal the form that makes one — sao y, trích sao (with the re-created extract), or sao
/// lục of a listed sao y.
/// </summary>
[RequirePermission(DocumentsPermissions.IssueOutgoing)]
public sealed class MakeModel(DocumentCopies copies, IPdfSigning signing, FileStore files) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = "outgoing";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The form: the copy's form and source (a listed sao y for a sao lục), register, extract file, seal and note.</summary>
    public sealed class Form
    {
        public string? CopyForm { get; set; } = "sao-y";

        /// <summary>For a sao lục: the sao y it is made from.</summary>
        public Guid? FromCopyId { get; set; }

        public Guid? RegisterId { get; set; }

        public IFormFile? Upload { get; set; }

        public Guid? SealCertificateId { get; set; }

        [AsTyped]
        public string? SealPin { get; set; }

        public string? Note { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public IReadOnlyList<DocumentCopies.CopyResponse> Copies { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Registers { get; private set; } = [];

    public IReadOnlyList<UsableCertificate> SealCertificates { get; private set; } = [];

    public string DocumentUrl => Kind == "incoming" ? $"/van-ban-den/{Id}" : $"/van-ban-di/{Id}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await OnRedisplayAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var fromCopy = Input.CopyForm == "sao-luc";
        var extract = Input.CopyForm == "trich-sao" ? await DocumentActionPage.SaveUploadAsync(files, Input.Upload, cancellationToken) : null;
        var made = await copies.MakeAsync(new DocumentCopies.Request(fromCopy ? "copy" : Kind, fromCopy ? Input.FromCopyId : Id, Input.CopyForm,
            Input.RegisterId, extract, Input.SealCertificateId, Input.SealPin, Input.Note), cancellationToken);
        TempData["Message"] = $"Đã làm bản {made.Label.ToLowerInvariant()} số {made.CodeText}.";
        return Redirect($"/ban-sao/{Kind}/{Id}");
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        Copies = await copies.ListAsync(Kind, Id, cancellationToken);
        Registers = await copies.RegistersAsync(cancellationToken);
        SealCertificates = await signing.CertificatesAsync(SignatureRole.AgencySeal, SignerCapacity.None, cancellationToken);
    }
}
