using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Eoffice.Web.Pages.Documents.Routing;

/// <summary>
/// The agency's incoming-document flow: presentation route, reminder days, default deadline and the "who may send to
/// whom" matrix (each role, optionally only for holders in the Văn phòng, × each kind of recipient).
/// </summary>
[RequirePermission(DocumentsPermissions.ManageRegisters)]
public sealed class IndexModel(IncomingSettingsAdmin admin) : FormPageModel
{
    /// <summary>The form: the settings and the checked cells of the matrix, each "role|office|target".</summary>
    public sealed class InputModel : IValidatableRequest
    {
        public string? Route { get; set; }

        public int? ReminderDaysBefore { get; set; }

        public int? DefaultDeadlineDays { get; set; }

        public bool UnitHeadsConfirmResults { get; set; }

        /// <summary>Checked cells, each "role|office|target" (office: 1 when only holders in the Văn phòng).</summary>
        public List<string> Rules { get; set; } = [];

        public IncomingSettingsAdmin.Request ToRequest() => new(Route, ReminderDaysBefore, DefaultDeadlineDays,
            Rules.Select(c => c.Split('|')).Where(p => p.Length == 3).Select(p => new IncomingSettingsAdmin.Rule(p[0], p[1] == "1", p[2])).ToList(),
            UnitHeadsConfirmResults);

        public Dictionary<string, string[]> Validate() => ToRequest().Validate();
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IncomingSettingsAdmin.Response Settings { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public static string Cell(string role, bool officeOnly, string target) => $"{role}|{(officeOnly ? 1 : 0)}|{target}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await OnRedisplayAsync(cancellationToken);
        Input = new InputModel
        {
            Route = Settings.Route,
            ReminderDaysBefore = Settings.ReminderDaysBefore,
            DefaultDeadlineDays = Settings.DefaultDeadlineDays,
            UnitHeadsConfirmResults = Settings.UnitHeadsConfirmResults,
            Rules = Settings.Rules.Select(r => Cell(r.SenderRole!, r.OfficeOnly, r.Target!)).ToList(),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await admin.UpdateAsync(Input.ToRequest(), cancellationToken);
        Message = "Đã lưu cấu hình luồng văn bản đến.";
        return RedirectToPage();
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken) => Settings = await admin.GetAsync(cancellationToken);
}
