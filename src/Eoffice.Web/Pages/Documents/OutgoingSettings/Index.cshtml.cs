using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Outgoing.Admin;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.OutgoingSettings;

/// <summary>/quan-tri/cau-hinh-van-ban-di: the agency's outgoing settings. The same handler as the JSON API.</summary>
[RequirePermission(DocumentsPermissions.ManageRegisters)]
public sealed class IndexModel(OutgoingSettingsAdmin admin) : FormPageModel
{
    /// <summary>The form, checked by the rules of <see cref="OutgoingSettingsAdmin.Request"/>.</summary>
    public sealed class InputModel : IValidatableRequest
    {
        public string? SuperiorName { get; set; }

        public string? IssuerName { get; set; }

        public string? Place { get; set; }

        public string? Abbreviation { get; set; }

        public bool NumberPerType { get; set; }

        public Guid? LegalUnitId { get; set; }

        public Guid? OfficeUnitId { get; set; }

        public bool DeliverInternallyDirectly { get; set; }

        public OutgoingSettingsAdmin.Request ToRequest() =>
            new(SuperiorName, IssuerName, Place, Abbreviation, NumberPerType, LegalUnitId, OfficeUnitId, DeliverInternallyDirectly);

        public Dictionary<string, string[]> Validate() => ToRequest().Validate();
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public OutgoingSettingsAdmin.Response Settings { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await OnRedisplayAsync(cancellationToken);
        Input = new InputModel
        {
            SuperiorName = Settings.SuperiorName, IssuerName = Settings.IssuerName, Place = Settings.Place, Abbreviation = Settings.Abbreviation,
            NumberPerType = Settings.NumberPerType, LegalUnitId = Settings.LegalUnitId, OfficeUnitId = Settings.OfficeUnitId,
            DeliverInternallyDirectly = Settings.DeliverInternallyDirectly,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await admin.UpdateAsync(Input.ToRequest(), cancellationToken);
        Message = "Đã lưu cấu hình văn bản đi.";
        return RedirectToPage();
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken) => Settings = await admin.GetAsync(cancellationToken);
}
