using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Dossiers.FilePlans;

/// <summary>The numbering and status codes of the API and the forms.</summary>
public static class FilePlanCodes
{
    public const string AcrossPlan = "plan";
    public const string PerHeading = "heading";

    public static FilePlanNumbering? ParseNumbering(string? code) => code?.Trim() switch
    {
        AcrossPlan => FilePlanNumbering.AcrossPlan,
        PerHeading => FilePlanNumbering.PerHeading,
        _ => null,
    };

    public static string Of(FilePlanNumbering numbering) => numbering == FilePlanNumbering.PerHeading ? PerHeading : AcrossPlan;

    public static string NameOf(FilePlanNumbering numbering) =>
        numbering == FilePlanNumbering.PerHeading ? "Đánh số riêng trong từng đề mục lớn" : "Đánh số liên tục trong toàn danh mục";

    public static string Of(FilePlanStatus status) => status switch
    {
        FilePlanStatus.Submitted => "submitted",
        FilePlanStatus.Approved => "approved",
        _ => "draft",
    };

    public static string NameOf(FilePlanStatus status) => status switch
    {
        FilePlanStatus.Submitted => "Đã trình, chờ phê duyệt",
        FilePlanStatus.Approved => "Đã phê duyệt",
        _ => "Dự thảo",
    };

    public const string NumberingMessage = "Chọn cách đánh số hồ sơ: plan (liên tục trong toàn danh mục) hoặc heading (trong từng đề mục lớn).";
}

/// <summary>Who asks, and what they may do with the agency's file plans (agency-wide grants only).</summary>
public sealed record FilePlanViewer(Guid UserId, Guid AgencyId, string Name, bool CanDraft, bool CanApprove)
{
    public const string DraftRefused = "Chỉ người được giao lập danh mục hồ sơ của cơ quan (Văn phòng) mới thực hiện được việc này.";
    public const string ApproveRefused = "Chỉ lãnh đạo cơ quan có quyền phê duyệt danh mục hồ sơ mới thực hiện được việc này.";

    public void EnsureDrafter()
    {
        if (!CanDraft)
        {
            throw RuleException.Forbidden(DraftRefused);
        }
    }

    public void EnsureApprover()
    {
        if (!CanApprove)
        {
            throw RuleException.Forbidden(ApproveRefused);
        }
    }
}

/// <summary>
/// What the file-plan use cases share: the viewer and their agency-wide rights, the agency's plans (another agency's
/// id is not found), the checks of an entry's unit and person against the organisation, the commit with its audit entry.
/// </summary>
public sealed class FilePlanStore(UnitOfWork unitOfWork, ICurrentUser currentUser, IAccessScopes scopes, IOrganizationDirectory organization,
    IPeopleDirectory people, TimeProvider time)
{
    public const string NotFoundMessage = "Không tìm thấy danh mục hồ sơ.";

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public UnitOfWork UnitOfWork => unitOfWork;

    public async Task<FilePlanViewer> ViewerAsync(CancellationToken cancellationToken)
    {
        var userId = currentUser.Id ?? throw RuleException.NotFound();
        var agencyId = currentUser.AgencyId ?? throw RuleException.NotFound(NotFoundMessage);
        return new FilePlanViewer(userId, agencyId, currentUser.FullName ?? currentUser.UserName ?? "",
            await scopes.HasPermissionAsync(userId, DossiersPermissions.DraftFilePlans, null, cancellationToken),
            await scopes.HasPermissionAsync(userId, DossiersPermissions.ApproveFilePlans, null, cancellationToken));
    }

    public IQueryable<FilePlan> Plans(FilePlanViewer viewer) =>
        unitOfWork.Db.Set<FilePlan>().Where(p => p.AgencyId == viewer.AgencyId);

    /// <summary>A plan of the viewer's agency with its headings and entries; another agency's is not found.</summary>
    public async Task<FilePlan> LoadAsync(FilePlanViewer viewer, Guid id, CancellationToken cancellationToken, bool tracking = true)
    {
        var query = Plans(viewer).Include(p => p.Headings).Include(p => p.Entries).AsSplitQuery();
        return await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw RuleException.NotFound(NotFoundMessage);
    }

    /// <summary>The entry's unit must be an active unit of the agency, its person an active person of that unit or a unit below it.</summary>
    public async Task<FilePlanEntryContent> ContentAsync(FilePlanViewer viewer, FilePlanEntryInput input, CancellationToken cancellationToken)
    {
        var unit = await organization.FindUnitAsync(input.ResponsibleUnitId!.Value, cancellationToken);
        if (unit is null || unit.AgencyId != viewer.AgencyId || !unit.IsActive)
        {
            throw RuleException.Invalid("Đơn vị lập hồ sơ không thuộc cơ quan hoặc đã ngừng hoạt động.", "responsibleUnitId");
        }

        if (input.ResponsiblePersonId is { } personId)
        {
            var person = await people.FindPersonAsync(personId, cancellationToken);
            var units = await organization.UnitAndDescendantsAsync(unit.Id, cancellationToken);
            if (person is null || person.AgencyId != viewer.AgencyId || !person.IsActive || person.UnitId is not { } personUnit || !units.Contains(personUnit))
            {
                throw RuleException.Invalid("Người lập hồ sơ phải là cán bộ đang làm việc ở đơn vị đã chọn.", "responsiblePersonId");
            }
        }

        return input.ToContent();
    }

    public Task CommitAsync(FilePlan plan, string action, string details, CancellationToken cancellationToken) =>
        unitOfWork.CommitAsync(new AuditEvent($"dossiers.fileplan.{action}", "file-plan", plan.Id.ToString(), Details: $"Danh mục hồ sơ năm {plan.Year}: {details}"),
            cancellationToken);

    /// <summary>The names of the units and people an agency's plans mention.</summary>
    public async Task<FilePlanNames> NamesAsync(Guid agencyId, CancellationToken cancellationToken) =>
        new((await organization.UnitsOfAgencyAsync(agencyId, cancellationToken)).ToDictionary(u => u.Id, u => u.Name),
            (await people.PeopleOfAgencyAsync(agencyId, cancellationToken)).ToDictionary(p => p.Id, p => p.FullName));

    public async Task<FilePlanResponse> ResponseAsync(FilePlan plan, FilePlanViewer viewer, CancellationToken cancellationToken) =>
        FilePlanResponse.From(plan, viewer, await NamesAsync(viewer.AgencyId, cancellationToken));

    /// <summary>The active units and people an entry may name, for the forms.</summary>
    public async Task<(IReadOnlyList<UnitInfo> Units, IReadOnlyList<PersonInfo> People)> ChoicesAsync(FilePlanViewer viewer, CancellationToken cancellationToken) =>
        ([.. (await organization.UnitsOfAgencyAsync(viewer.AgencyId, cancellationToken)).Where(u => u.IsActive)],
            [.. (await people.PeopleOfAgencyAsync(viewer.AgencyId, cancellationToken)).Where(p => p.IsActive && p.UnitId is not null)]);

    public async Task<string> AgencyNameAsync(Guid agencyId, CancellationToken cancellationToken) =>
        (await organization.FindAgencyAsync(agencyId, cancellationToken))?.FullName ?? "";
}

public sealed record FilePlanNames(IReadOnlyDictionary<Guid, string> Units, IReadOnlyDictionary<Guid, string> People)
{
    public string? UnitOf(Guid? id) => id is { } v && Units.TryGetValue(v, out var name) ? name : null;

    public string? PersonOf(Guid? id) => id is { } v && People.TryGetValue(v, out var name) ? name : null;

    /// <summary>"Phòng Pháp chế / Vũ Đức Thắng": the Phụ lục V column "Đơn vị/người lập hồ sơ".</summary>
    public string ResponsibleOf(FilePlanEntry entry) =>
        string.Join(" / ", new[] { UnitOf(entry.ResponsibleUnitId), PersonOf(entry.ResponsiblePersonId) }.OfType<string>());
}

/// <summary>A heading as written: its title and, for a large heading, the abbreviation its entries' codes end with.</summary>
public class FilePlanHeadingInput : IValidatableRequest
{
    public string? Title { get; set; }

    /// <summary>TCCB, VP, KHTC…: upper-case letters and digits, for a large heading only.</summary>
    public string? Abbreviation { get; set; }

    public virtual Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        errors.Required("title", Title, FilePlan.TitleMaxLength, "Vui lòng nhập tên đề mục.", "Tên đề mục");
        var abbreviation = CleanAbbreviation();
        if (abbreviation is not null && (abbreviation.Length > FilePlan.AbbreviationMaxLength || !abbreviation.All(c => char.IsLetterOrDigit(c) || c == '-')))
        {
            errors["abbreviation"] = [$"Chữ viết tắt chỉ gồm chữ cái, chữ số và dấu gạch ngang, tối đa {FilePlan.AbbreviationMaxLength} ký tự."];
        }

        return errors;
    }

    public string CleanTitle() => VietnameseText.Normalize(Title!.Trim());

    public string? CleanAbbreviation() => string.IsNullOrWhiteSpace(Abbreviation) ? null : VietnameseText.Normalize(Abbreviation.Trim()).ToUpperInvariant();
}

/// <summary>An entry as written: title, retention ("Vĩnh viễn" or years), the unit and person who open it, notes.</summary>
public class FilePlanEntryInput : IValidatableRequest
{
    public string? Title { get; set; }

    /// <summary>True for "Vĩnh viễn"; otherwise <see cref="RetentionYears"/> gives the years.</summary>
    public bool Permanent { get; set; }

    public int? RetentionYears { get; set; }

    public Guid? ResponsibleUnitId { get; set; }

    public Guid? ResponsiblePersonId { get; set; }

    public string? Notes { get; set; }

    public virtual Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        errors.Required("title", Title, FilePlan.TitleMaxLength, "Vui lòng nhập tiêu đề hồ sơ.", "Tiêu đề hồ sơ");
        if (Permanent && RetentionYears is not null)
        {
            errors["retentionYears"] = ["Thời hạn bảo quản là vĩnh viễn hoặc một số năm, không chọn cả hai."];
        }
        else if (!Permanent && RetentionYears is not (>= 1 and <= RetentionPeriod.MaxYears))
        {
            errors["retentionYears"] = [$"Chọn thời hạn bảo quản: vĩnh viễn hoặc số năm từ 1 đến {RetentionPeriod.MaxYears}."];
        }

        if (ResponsibleUnitId is null || ResponsibleUnitId == Guid.Empty)
        {
            errors["responsibleUnitId"] = ["Chọn đơn vị lập hồ sơ."];
        }

        errors.MaxLength("notes", Notes, FilePlan.NotesMaxLength, "Ghi chú");
        return errors;
    }

    public FilePlanEntryContent ToContent() => new(
        VietnameseText.Normalize(Title!.Trim()),
        Permanent ? RetentionPeriod.Permanent : RetentionPeriod.OfYears(RetentionYears!.Value),
        ResponsibleUnitId!.Value,
        ResponsiblePersonId is { } p && p != Guid.Empty ? p : null,
        string.IsNullOrWhiteSpace(Notes) ? null : VietnameseText.Normalize(Notes.Trim()));
}

/// <summary>Where an item goes: a 1-based position among its siblings (and, for an entry, optionally another heading).</summary>
public class FilePlanMoveInput : IValidatableRequest
{
    public int Position { get; set; }

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Position < 1)
        {
            errors["position"] = ["Vị trí phải là số từ 1 trở lên."];
        }

        return errors;
    }
}

public sealed record FilePlanHeadingResponse(Guid Id, Guid? ParentId, string Label, string Title, string? Abbreviation, int Position);

public sealed record FilePlanEntryResponse(
    Guid Id,
    Guid HeadingId,
    int Position,
    int Sequence,
    string Code,
    string Title,
    bool Permanent,
    int? RetentionYears,
    string RetentionText,
    Guid ResponsibleUnitId,
    string? ResponsibleUnitName,
    Guid? ResponsiblePersonId,
    string? ResponsiblePersonName,
    string? Notes);

/// <summary>
/// A plan as the API and the page show it, headings and entries in the Phụ lục V order, and the actions the viewer
/// may take now (<c>edit</c>, <c>submit</c>, <c>approve</c>, <c>return</c>, <c>copy-forward</c>), from the same checks the
/// actions run.
/// </summary>
public sealed record FilePlanResponse(
    Guid Id,
    int Year,
    string Numbering,
    string NumberingName,
    string Status,
    string StatusName,
    int Revision,
    Guid? CopiedFromId,
    DateTime? SubmittedAt,
    string? SubmittedByName,
    DateTime? ApprovedAt,
    string? ApprovedByName,
    string? ReturnReason,
    DateTime? ReturnedAt,
    string? ReturnedByName,
    DateTime UpdatedAt,
    IReadOnlyList<FilePlanHeadingResponse> Headings,
    IReadOnlyList<FilePlanEntryResponse> Entries,
    IReadOnlyList<string> Actions)
{
    public const string Edit = "edit";
    public const string Submit = "submit";
    public const string Approve = "approve";
    public const string Return = "return";
    public const string CopyForward = "copy-forward";

    public static IReadOnlyList<string> ActionsOf(FilePlan plan, FilePlanViewer viewer) =>
    [
        .. viewer.CanDraft && plan.CanEdit() is null ? [Edit] : Array.Empty<string>(),
        .. viewer.CanDraft && plan.CanSubmit() is null ? [Submit] : Array.Empty<string>(),
        .. viewer.CanApprove && plan.CanApprove() is null ? [Approve] : Array.Empty<string>(),
        .. viewer.CanApprove && plan.CanReturn() is null ? [Return] : Array.Empty<string>(),
        .. viewer.CanDraft && plan.CanCopyForward() is null ? [CopyForward] : Array.Empty<string>(),
    ];

    public static FilePlanResponse From(FilePlan plan, FilePlanViewer viewer, FilePlanNames names)
    {
        var layout = plan.Layout().ToList();
        var headings = layout.Where(r => r.Entry is null)
            .Select(r => new FilePlanHeadingResponse(r.Heading.Id, r.Heading.ParentId, r.Label!, r.Heading.Title, r.Heading.Abbreviation, r.Heading.SortOrder))
            .ToList();
        var entries = layout.Where(r => r.Entry is not null).Select(r => r.Entry!)
            .Select(e => new FilePlanEntryResponse(e.Id, e.HeadingId, e.SortOrder, e.Sequence, e.Code, e.Title, e.Retention.IsPermanent, e.RetentionYears,
                e.Retention.Text, e.ResponsibleUnitId, names.UnitOf(e.ResponsibleUnitId), e.ResponsiblePersonId, names.PersonOf(e.ResponsiblePersonId), e.Notes))
            .ToList();
        return new FilePlanResponse(plan.Id, plan.Year, FilePlanCodes.Of(plan.Numbering), FilePlanCodes.NameOf(plan.Numbering), FilePlanCodes.Of(plan.Status),
            FilePlanCodes.NameOf(plan.Status), plan.Revision, plan.CopiedFromId, plan.SubmittedAt, plan.SubmittedByName, plan.ApprovedAt, plan.ApprovedByName,
            plan.ReturnReason, plan.ReturnedAt, plan.ReturnedByName, plan.UpdatedAt, headings, entries, ActionsOf(plan, viewer));
    }
}

public static class FilePlanEndpoints
{
    /// <summary>What an endpoint that edits a draft declares: the drafting permission, 400, 403 (no agency-wide grant), 404, 409 (not a draft, or changed meanwhile).</summary>
    public static RouteHandlerBuilder AsFilePlanEdit(this RouteHandlerBuilder endpoint, string name, string summary) =>
        endpoint.RequireAuthorization(Policies.For(DossiersPermissions.DraftFilePlans)).AsFilePlanAction(name, summary);

    /// <summary>What the leader's endpoints (approve, return) declare.</summary>
    public static RouteHandlerBuilder AsFilePlanDecision(this RouteHandlerBuilder endpoint, string name, string summary) =>
        endpoint.RequireAuthorization(Policies.For(DossiersPermissions.ApproveFilePlans)).AsFilePlanAction(name, summary);

    private static RouteHandlerBuilder AsFilePlanAction(this RouteHandlerBuilder endpoint, string name, string summary) =>
        endpoint.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName(name)
            .WithSummary(summary);
}
