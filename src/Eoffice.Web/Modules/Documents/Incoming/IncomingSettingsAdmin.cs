using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// The administrator's view of the agency's incoming-document handling: the presentation route (straight to the agency
/// leader, or through the chief of office), reminder days, default deadline, and the "who may send to whom" matrix
/// (sender role, optionally only in an Office unit, × target kind). <c>GET/PUT /api/v1/documents/incoming/settings</c>
/// and the page /quan-tri/luong-van-ban-den. Changes are audited.
/// </summary>
public sealed class IncomingSettingsAdmin(EofficeDbContext db, IncomingDefaults defaults, ICurrentUser currentUser, UnitOfWork unitOfWork)
{
    public const int MaxReminderDays = 30;
    public const int MaxDeadlineDays = 365;

    public sealed record Rule(string? SenderRole, bool OfficeOnly, string? Target);

    public sealed record Option(string Code, string Name);

    public sealed record Response(string Route, int ReminderDaysBefore, int DefaultDeadlineDays, bool UnitHeadsConfirmResults, IReadOnlyList<Rule> Rules,
        IReadOnlyList<Option> Routes, IReadOnlyList<Option> Roles, IReadOnlyList<Option> Targets);

    /// <summary><c>UnitHeadsConfirmResults</c>: a unit's leader confirms the assignee's result before the unit's part closes (unchanged when omitted).</summary>
    public sealed record Request(string? Route, int? ReminderDaysBefore, int? DefaultDeadlineDays, IReadOnlyList<Rule>? Rules, bool? UnitHeadsConfirmResults = null)
        : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (ParseRoute(Route) is null)
            {
                errors["route"] = ["Vui lòng chọn luồng trình văn bản."];
            }

            if (ReminderDaysBefore is null or < 0 or > MaxReminderDays)
            {
                errors["reminderDaysBefore"] = [$"Số ngày nhắc trước hạn từ 0 đến {MaxReminderDays}."];
            }

            if (DefaultDeadlineDays is null or < 1 or > MaxDeadlineDays)
            {
                errors["defaultDeadlineDays"] = [$"Thời hạn mặc định từ 1 đến {MaxDeadlineDays} ngày làm việc."];
            }

            if (Rules is null || Rules.Any(r => !DefaultRoles.All.Contains(r.SenderRole ?? "") || ParseTarget(r.Target) is null))
            {
                errors["rules"] = ["Quy tắc chuyển văn bản không hợp lệ."];
            }

            return errors;
        }
    }

    public static readonly IReadOnlyList<Option> RouteOptions =
    [
        new("toAgencyLeader", "Văn thư trình trực tiếp lãnh đạo cơ quan"),
        new("viaOfficeChief", "Văn thư trình Chánh Văn phòng, Chánh Văn phòng trình lãnh đạo cơ quan"),
    ];

    public static readonly IReadOnlyList<Option> TargetOptions =
    [
        new("agencyLeaders", "Lãnh đạo cơ quan"),
        new("officeLeaders", "Lãnh đạo Văn phòng"),
        new("anyUnit", "Mọi đơn vị"),
        new("anyPerson", "Mọi cán bộ"),
        new("ownUnit", "Đơn vị mình"),
    ];

    public static PresentationRoute? ParseRoute(string? value) => value switch
    {
        "toAgencyLeader" => PresentationRoute.ToAgencyLeader,
        "viaOfficeChief" => PresentationRoute.ViaOfficeChief,
        _ => null,
    };

    public static string RouteCode(PresentationRoute route) => route == PresentationRoute.ViaOfficeChief ? "viaOfficeChief" : "toAgencyLeader";

    public static RoutingTarget? ParseTarget(string? value) => value switch
    {
        "agencyLeaders" => RoutingTarget.AgencyLeaders,
        "officeLeaders" => RoutingTarget.OfficeLeaders,
        "anyUnit" => RoutingTarget.AnyUnit,
        "anyPerson" => RoutingTarget.AnyPerson,
        "ownUnit" => RoutingTarget.OwnUnit,
        _ => null,
    };

    public static string TargetCode(RoutingTarget target) => TargetOptions[(int)target].Code;

    private Guid AgencyId => currentUser.AgencyId ?? throw RuleException.NotFound();

    public async Task<Response> GetAsync(CancellationToken cancellationToken)
    {
        var settings = await defaults.SettingsAsync(AgencyId, cancellationToken);
        var rules = await defaults.RulesAsync(AgencyId, cancellationToken);
        return Build(settings, rules);
    }

    public async Task<Response> UpdateAsync(Request request, CancellationToken cancellationToken)
    {
        var agencyId = AgencyId;
        var settings = await defaults.SettingsAsync(agencyId, cancellationToken);
        var before = Describe(settings, await defaults.RulesAsync(agencyId, cancellationToken));
        settings.Route = ParseRoute(request.Route)!.Value;
        settings.ReminderDaysBefore = request.ReminderDaysBefore!.Value;
        settings.DefaultDeadlineDays = request.DefaultDeadlineDays!.Value;
        settings.UnitHeadsConfirmResults = request.UnitHeadsConfirmResults ?? settings.UnitHeadsConfirmResults;

        var rules = await unitOfWork.CommitAsync(async ct =>
        {
            // The agency's rules are replaced as a whole: the old rows go first, in the same transaction.
            await db.Set<RoutingRule>().Where(r => r.AgencyId == agencyId).ExecuteDeleteAsync(ct);
            foreach (var tracked in db.ChangeTracker.Entries<RoutingRule>().ToList())
            {
                tracked.State = EntityState.Detached;
            }

            var replacing = request.Rules!
                .Select(r => (r.SenderRole!, Kind: r.OfficeOnly ? (int?)Organization.Contracts.UnitKind.Office : null, Target: ParseTarget(r.Target)!.Value))
                .Distinct()
                .Select(r => new RoutingRule(agencyId, r.Item1, r.Kind, r.Target)).ToList();
            db.AddRange(replacing);
            return replacing;
        }, rules => new AuditEvent("documents.incoming.settings.update", "incoming-settings", agencyId.ToString(),
            Details: $"{before} → {Describe(settings, rules)}"), cancellationToken);
        return Build(settings, rules);
    }

    private static Response Build(IncomingSettings settings, IReadOnlyList<RoutingRule> rules) =>
        new(RouteCode(settings.Route), settings.ReminderDaysBefore, settings.DefaultDeadlineDays, settings.UnitHeadsConfirmResults,
            rules.OrderBy(r => DefaultRoles.All.ToList().IndexOf(r.SenderRole)).ThenBy(r => r.SenderUnitKind).ThenBy(r => r.Target)
                .Select(r => new Rule(r.SenderRole, r.SenderUnitKind == (int)Organization.Contracts.UnitKind.Office, TargetCode(r.Target))).ToList(),
            RouteOptions,
            DefaultRoles.All.Select(r => new Option(r, DefaultRoles.Names[r])).ToList(),
            TargetOptions);

    private static string Describe(IncomingSettings s, IReadOnlyList<RoutingRule> rules) =>
        $"{RouteCode(s.Route)}, nhắc {s.ReminderDaysBefore} ngày, hạn {s.DefaultDeadlineDays} ngày, {(s.UnitHeadsConfirmResults ? "lãnh đạo đơn vị xác nhận kết quả" : "không xác nhận kết quả")}, "
        + string.Join(", ", rules.Select(r => $"{r.SenderRole}{(r.SenderUnitKind is null ? "" : "@office")}→{TargetCode(r.Target)}"));

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/incoming/settings", async Task<Ok<Response>> (IncomingSettingsAdmin handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ManageRegisters))
            .WithName("GetIncomingSettings")
            .WithSummary("Cấu hình luồng xử lý văn bản đến của cơ quan.");
        group.MapPut("/incoming/settings", async Task<Ok<Response>> (Request request, IncomingSettingsAdmin handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.UpdateAsync(request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ManageRegisters))
            .ProducesValidationProblem()
            .WithName("UpdateIncomingSettings")
            .WithSummary("Sửa luồng trình, số ngày nhắc hạn, thời hạn mặc định và quy tắc chuyển văn bản đến.");
    }
}
