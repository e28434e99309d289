using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Signing;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Pages.Signing;

/// <summary>
/// /quan-tri/chung-thu-so: the agency's signing certificates (register, stop, seal holders) and the images of
/// signatures and of the seal. The same handlers as the JSON API.
/// </summary>
[RequirePermission(SigningPermissions.ManageSigning)]
[RequestSizeLimit(ReplaceSignatureImage.MaxBytes + (256 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = ReplaceSignatureImage.MaxBytes + (256 * 1024))]
public sealed class CertificatesModel(
    ListCertificates list,
    RegisterCertificate register,
    DeactivateCertificate deactivate,
    SetSealHolders setSealHolders,
    ReplaceSignatureImage images,
    IPeopleDirectory people,
    IOptions<SigningOptions> options) : FormPageModel
{
    public const string Link = "/quan-tri/chung-thu-so";

    [BindProperty]
    public CertificateFormInput Input { get; set; } = new();

    [BindProperty]
    public SealHoldersFormInput Holders { get; set; } = new();

    [BindProperty]
    public SignatureImageFormInput Image { get; set; } = new();

    public IReadOnlyList<CertificateResponse> Certificates { get; private set; } = [];

    public IReadOnlyList<SignatureImageResponse> Images { get; private set; } = [];

    /// <summary>The active people of the agency: owners, seal holders, signature images.</summary>
    public IReadOnlyList<PersonInfo> People { get; private set; } = [];

    public IReadOnlyList<string> Pkcs11Libraries => options.Value.Pkcs11Libraries;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await OnRedisplayAsync(cancellationToken);
        return Page();
    }

    /// <summary>The current image of a person (their id) or of the seal (<c>seal</c>), for the preview.</summary>
    public async Task<IActionResult> OnGetImageAsync(string owner, CancellationToken cancellationToken)
    {
        var opened = await images.OpenCurrentAsync(owner, cancellationToken);
        return File(opened.Content, "image/png");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var keyFile = await Base64Async(Input.KeyFile, cancellationToken);
        var certificate = await Base64Async(Input.CertificateFile, cancellationToken);
        var created = await register.HandleAsync(Input.ToRequest(keyFile, certificate), cancellationToken);
        Message = $"Đã đăng ký chứng thư số {created.SubjectName} (số hiệu {created.SerialNumber}).";
        return Redirect(Link);
    }

    public async Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken cancellationToken)
    {
        var stopped = await deactivate.HandleAsync(id, cancellationToken);
        Message = $"Đã ngừng sử dụng chứng thư số {stopped.SubjectName} (số hiệu {stopped.SerialNumber}).";
        return Redirect(Link);
    }

    public async Task<IActionResult> OnPostSealHoldersAsync(CancellationToken cancellationToken)
    {
        var changed = await setSealHolders.HandleAsync(Holders.CertificateId ?? Guid.Empty, Holders.ToRequest(), cancellationToken);
        Message = changed.SealHolders.Count == 0
            ? $"Chứng thư số {changed.SubjectName} chưa có người giữ dấu."
            : $"Người giữ dấu của {changed.SubjectName}: {string.Join(", ", changed.SealHolders.Select(h => h.Name))}.";
        return Redirect(Link);
    }

    public async Task<IActionResult> OnPostImageAsync(CancellationToken cancellationToken)
    {
        await using var content = Image.File!.OpenReadStream();
        var replaced = await images.HandleUploadAsync(Image.Owner!, content, Image.File.FileName, cancellationToken);
        Message = $"Đã thay ảnh {(replaced.OwnerId is null ? "con dấu" : "chữ ký của " + replaced.OwnerName)} ({replaced.Width}×{replaced.Height} điểm ảnh).";
        return Redirect(Link);
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        var agencyId = User.AgencyId() ?? throw RuleException.NotFound();
        Certificates = await list.HandleAsync(cancellationToken);
        Images = await images.CurrentAsync(cancellationToken);
        People = [.. (await people.PeopleOfAgencyAsync(agencyId, cancellationToken)).Where(p => p.IsActive)];
    }

    /// <summary>An uploaded certificate or key file as the API takes it (the request size limit bounds it); the handler judges it.</summary>
    private static async Task<string?> Base64Async(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is not { Length: > 0 })
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return Convert.ToBase64String(buffer.ToArray());
    }
}

/// <summary>The register form: the API's request, with the certificate and the key file as uploads.</summary>
public sealed class CertificateFormInput : IValidatableRequest
{
    public string? Use { get; set; } = "personal";

    public string? Location { get; set; } = "server-file";

    public Guid? OwnerId { get; set; }

    public List<string> Capacities { get; set; } = [];

    public IFormFile? KeyFile { get; set; }

    [AsTyped]
    public string? KeyFilePassword { get; set; }

    public IFormFile? CertificateFile { get; set; }

    public string? Pkcs11Library { get; set; }

    public string? Pkcs11TokenLabel { get; set; }

    public string? Pkcs11KeyLabel { get; set; }

    public string? RemoteUserId { get; set; }

    public RegisterCertificate.Request ToRequest(string? keyFileBase64, string? certificateBase64) =>
        new(Use, Location, OwnerId, Capacities, certificateBase64, keyFileBase64, KeyFilePassword, Pkcs11Library, Pkcs11TokenLabel,
            Pkcs11KeyLabel, RemoteUserId);

    /// <summary>The API's checks; they only need to know whether a file was chosen, its content is read once the form is valid.</summary>
    public Dictionary<string, string[]> Validate() =>
        ToRequest(KeyFile is { Length: > 0 } ? Chosen : null, CertificateFile is { Length: > 0 } ? Chosen : null).Validate();

    private const string Chosen = "chosen";
}

/// <summary>The seal holders of one agency-seal certificate, ticked as a whole (none ticked: no holder).</summary>
public sealed class SealHoldersFormInput : IValidatableRequest
{
    public Guid? CertificateId { get; set; }

    public List<Guid> HolderIds { get; set; } = [];

    public SetSealHolders.Request ToRequest() => new(HolderIds);

    public Dictionary<string, string[]> Validate() => ToRequest().Validate();
}

/// <summary>A signature image (owner: a person's id) or the seal's (owner: <c>seal</c>), as a transparent PNG.</summary>
public sealed class SignatureImageFormInput : IValidatableRequest
{
    public string? Owner { get; set; }

    public IFormFile? File { get; set; }

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Owner))
        {
            errors["owner"] = ["Chọn ảnh con dấu hoặc chữ ký của người nào."];
        }

        if (File is not { Length: > 0 })
        {
            errors["file"] = ["Vui lòng tải lên ảnh (.png)."];
        }

        return errors;
    }
}
