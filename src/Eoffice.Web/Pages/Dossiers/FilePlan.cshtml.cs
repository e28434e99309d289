using Eoffice.Web.Modules.Dossiers;
using Eoffice.Web.Modules.Dossiers.FilePlans;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Dossiers;

/// <summary>
/// /ho-so/danh-muc/{id}: one plan in the Phụ lục V table. While it is a draft the office adds, changes, moves and
/// removes headings and entries here (<c>?sua-de-muc=</c>, <c>?sua-ho-so=</c> open one in its form); the buttons offered
/// are the plan's actions for the viewer (submit, approve, return, copy forward), the same handlers as the JSON API.
/// </summary>
[RequirePermission(DossiersPermissions.ViewFilePlans)]
public sealed class FilePlanModel(FilePlanStore store, GetFilePlan get, ChangeFilePlanSettings settings, AddFilePlanHeading addHeading,
    ChangeFilePlanHeading changeHeading, MoveFilePlanHeading moveHeading, RemoveFilePlanHeading removeHeading, AddFilePlanEntry addEntry,
    ChangeFilePlanEntry changeEntry, MoveFilePlanEntry moveEntry, RemoveFilePlanEntry removeEntry, SubmitFilePlan submit, ApproveFilePlan approve,
    ReturnFilePlan returnPlan, CopyFilePlanForward copyForward) : FormPageModel
{
    public static string LinkOf(Guid id) => $"{FilePlansModel.Link}/{id}";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "sua-de-muc")]
    public Guid? EditHeadingId { get; set; }

    [BindProperty(SupportsGet = true, Name = "sua-ho-so")]
    public Guid? EditEntryId { get; set; }

    [BindProperty]
    public ChangeFilePlanSettings.Request Settings { get; set; } = new();

    [BindProperty]
    public AddFilePlanHeading.Request Heading { get; set; } = new();

    [BindProperty]
    public ChangeFilePlanHeading.Request HeadingEdit { get; set; } = new();

    [BindProperty]
    public AddFilePlanEntry.Request Entry { get; set; } = new();

    [BindProperty]
    public ChangeFilePlanEntry.Request EntryEdit { get; set; } = new();

    [BindProperty]
    public ReturnFilePlan.Request Return { get; set; } = new();

    public FilePlanResponse Plan { get; private set; } = null!;

    public IReadOnlyList<UnitInfo> Units { get; private set; } = [];

    public IReadOnlyList<PersonInfo> People { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public bool Can(string action) => Plan.Actions.Contains(action);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await OnRedisplayAsync(cancellationToken);
        Settings.Numbering = Plan.Numbering;
        if (EditHeadingId is { } headingId && Plan.Headings.FirstOrDefault(h => h.Id == headingId) is { } heading)
        {
            HeadingEdit = new ChangeFilePlanHeading.Request { Title = heading.Title, Abbreviation = heading.Abbreviation };
        }

        if (EditEntryId is { } entryId && Plan.Entries.FirstOrDefault(e => e.Id == entryId) is { } entry)
        {
            EntryEdit = new ChangeFilePlanEntry.Request
            {
                Title = entry.Title, Permanent = entry.Permanent, RetentionYears = entry.RetentionYears, ResponsibleUnitId = entry.ResponsibleUnitId,
                ResponsiblePersonId = entry.ResponsiblePersonId, Notes = entry.Notes,
            };
        }
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        Plan = await get.HandleAsync(Id, cancellationToken);
        if (Can(FilePlanResponse.Edit))
        {
            (Units, People) = await store.ChoicesAsync(await store.ViewerAsync(cancellationToken), cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostSettingsAsync(CancellationToken cancellationToken) =>
        Done(await settings.HandleAsync(Id, Settings, cancellationToken), "Đã đổi cách đánh số hồ sơ.");

    public async Task<IActionResult> OnPostAddHeadingAsync(CancellationToken cancellationToken) =>
        Done(await addHeading.HandleAsync(Id, Heading, cancellationToken), $"Đã thêm đề mục \"{Heading.CleanTitle()}\".");

    public async Task<IActionResult> OnPostChangeHeadingAsync(Guid headingId, CancellationToken cancellationToken) =>
        Done(await changeHeading.HandleAsync(Id, headingId, HeadingEdit, cancellationToken), "Đã lưu đề mục.");

    [RuleErrorsUnder("Table")]
    public async Task<IActionResult> OnPostMoveHeadingAsync(Guid headingId, int position, CancellationToken cancellationToken) =>
        Done(await moveHeading.HandleAsync(Id, headingId, new MoveFilePlanHeading.Request { Position = position }, cancellationToken), "Đã chuyển đề mục.");

    [RuleErrorsUnder("Table")]
    public async Task<IActionResult> OnPostRemoveHeadingAsync(Guid headingId, CancellationToken cancellationToken) =>
        Done(await removeHeading.HandleAsync(Id, headingId, cancellationToken), "Đã xóa đề mục.");

    public async Task<IActionResult> OnPostAddEntryAsync(CancellationToken cancellationToken)
    {
        var plan = await addEntry.HandleAsync(Id, Entry, cancellationToken);
        return Done(plan, $"Đã thêm hồ sơ \"{Entry.ToContent().Title}\".");
    }

    public async Task<IActionResult> OnPostChangeEntryAsync(Guid entryId, CancellationToken cancellationToken) =>
        Done(await changeEntry.HandleAsync(Id, entryId, EntryEdit, cancellationToken), "Đã lưu hồ sơ.");

    [RuleErrorsUnder("Table")]
    public async Task<IActionResult> OnPostMoveEntryAsync(Guid entryId, int position, CancellationToken cancellationToken) =>
        Done(await moveEntry.HandleAsync(Id, entryId, new MoveFilePlanEntry.Request { Position = position }, cancellationToken), "Đã chuyển hồ sơ.");

    [RuleErrorsUnder("Table")]
    public async Task<IActionResult> OnPostRemoveEntryAsync(Guid entryId, CancellationToken cancellationToken) =>
        Done(await removeEntry.HandleAsync(Id, entryId, cancellationToken), "Đã xóa hồ sơ khỏi danh mục.");

    [RuleErrorsUnder("Status")]
    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken) =>
        Done(await submit.HandleAsync(Id, cancellationToken), "Đã trình lãnh đạo phê duyệt danh mục hồ sơ.");

    [RuleErrorsUnder("Status")]
    public async Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) =>
        Done(await approve.HandleAsync(Id, cancellationToken), "Đã phê duyệt danh mục hồ sơ.");

    public async Task<IActionResult> OnPostReturnAsync(CancellationToken cancellationToken) =>
        Done(await returnPlan.HandleAsync(Id, Return, cancellationToken), "Đã trả lại danh mục hồ sơ để sửa.");

    [RuleErrorsUnder("Status")]
    public async Task<IActionResult> OnPostCopyForwardAsync(CancellationToken cancellationToken)
    {
        var copy = await copyForward.HandleAsync(Id, cancellationToken);
        Message = $"Đã lập dự thảo danh mục hồ sơ năm {copy.Year} từ danh mục năm {copy.Year - 1}.";
        return Redirect(LinkOf(copy.Id));
    }

    private RedirectResult Done(FilePlanResponse plan, string message)
    {
        Message = message;
        return Redirect(LinkOf(plan.Id));
    }
}

/// <summary>The model of the entry fields partial: the form's prefix (Entry, EntryEdit), its values, the page (errors, choices).</summary>
public sealed record FilePlanEntryFields(string Prefix, FilePlanEntryInput Input, FilePlanModel Page, string? ErrorIdPrefix);
