using Eoffice.Web.Modules.Exchange;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Exchange;

/// <summary>
/// /quan-tri/lien-thong: the exchange directory (list, add, change, stop) with the same handlers as the JSON API;
/// <c>?sua={id}</c> opens a partner in the form. The certificate is uploaded as a .pem/.cer file.
/// </summary>
[RequirePermission(ExchangePermissions.ManagePartners)]
[RequestSizeLimit(MaxCertificateBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MaxCertificateBytes + (64 * 1024))]
public sealed class PartnersModel(ListPartners list, GetPartner get, CreatePartner create, UpdatePartner update) : FormPageModel
{
    public const string Link = "/quan-tri/lien-thong";
    public const int MaxCertificateBytes = 64 * 1024;

    [BindProperty]
    public PartnerFormInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "sua")]
    public Guid? EditId { get; set; }

    public IReadOnlyList<PartnerResponse> Partners { get; private set; } = [];

    /// <summary>The partner being changed, with its certificate as held.</summary>
    public PartnerResponse? Editing { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await OnRedisplayAsync(cancellationToken);
        if (Editing is { } partner)
        {
            Input = new PartnerFormInput
            {
                OrganId = partner.OrganId, Name = partner.Name, Channel = partner.Channel, Endpoint = partner.Endpoint, IsActive = partner.IsActive,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var pem = await PemAsync(cancellationToken);
        PartnerResponse saved;
        if (EditId is { } id)
        {
            saved = await update.HandleAsync(id, Input.ToUpdate(pem), cancellationToken);
            Message = $"Đã lưu {saved.Name} ({saved.OrganId}).";
        }
        else
        {
            saved = await create.HandleAsync(Input.ToCreate(pem), cancellationToken);
            Message = $"Đã thêm {saved.Name} ({saved.OrganId}) vào danh bạ liên thông.";
        }

        return Redirect(Link);
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        Partners = await list.HandleAsync(cancellationToken);
        Editing = EditId is { } id ? await get.HandleAsync(id, cancellationToken) : null;
    }

    private async Task<string?> PemAsync(CancellationToken cancellationToken)
    {
        if (Input.CertificateFile is not { Length: > 0 } file)
        {
            return null;
        }

        using var reader = new StreamReader(file.OpenReadStream());
        return await reader.ReadToEndAsync(cancellationToken);
    }
}

/// <summary>The partner form: the API's request, with the certificate as an upload.</summary>
public sealed class PartnerFormInput : IValidatableRequest
{
    public string? OrganId { get; set; }

    public string? Name { get; set; }

    public string? Channel { get; set; } = "eoffice-https";

    public string? Endpoint { get; set; }

    public bool IsActive { get; set; } = true;

    public IFormFile? CertificateFile { get; set; }

    public CreatePartner.Request ToCreate(string? pem) =>
        new() { OrganId = OrganId, Name = Name, Channel = Channel, Endpoint = Endpoint, CertificatePem = pem };

    public UpdatePartner.Request ToUpdate(string? pem) =>
        new() { OrganId = OrganId, Name = Name, Channel = Channel, Endpoint = Endpoint, CertificatePem = pem, IsActive = IsActive };

    /// <summary>The API's checks, except the certificate's content, which is read once the form is valid (the handler judges it).</summary>
    public Dictionary<string, string[]> Validate() => ToCreate(null).Validate();
}
