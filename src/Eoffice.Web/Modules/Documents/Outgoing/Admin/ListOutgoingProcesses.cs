using System.Text.Json;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Outgoing.Admin;

/// <summary>One step of a process as the administrators' API shows it (and takes it back, see <see cref="StepInput"/>).</summary>
/// <param name="Number">1-based; step 1 is the drafter, the last the clerk.</param>
/// <param name="Kind">Who holds it: <c>drafter</c>, <c>unitHead</c>, <c>legalReview</c>, <c>chiefOfOffice</c>, <c>agencyLeader</c>, <c>clerk</c> or <c>person</c>.</param>
/// <param name="KindName">The kind in Vietnamese.</param>
/// <param name="Name">The step's name as the draft's history shows it.</param>
/// <param name="CanSkip">The one handing the draft on may pass over this step.</param>
/// <param name="AllowsAddedSteps">Its holder may add a person's step after it.</param>
/// <param name="ReturnResumesAt">Where the chain resumes after this step returns the draft and the drafter submits it again (0: this step).</param>
/// <param name="Records">The approval it stands for in the record: <c>none</c>, <c>content</c> or <c>format</c>.</param>
/// <param name="UserId">The person of a <c>person</c> step.</param>
/// <param name="UserName">That person's name.</param>
public sealed record ProcessStepResponse(int Number, string Kind, string KindName, string Name, bool CanSkip, bool AllowsAddedSteps, int ReturnResumesAt,
    string Records, Guid? UserId, string? UserName);

/// <summary>An approval process of the agency.</summary>
/// <param name="Id">The process.</param>
/// <param name="Code">Stable code; the ready definitions are <c>quy-che-000-dieu-8</c> and <c>quy-che-003-dieu-6</c>.</param>
/// <param name="Name">Its name, as the administrators' list shows it.</param>
/// <param name="IsActive">New drafts of its types follow it.</param>
/// <param name="IsDefault">It names no type: it serves every type without an active process of its own.</param>
/// <param name="TypeCodes">The <c>Contracts.DocumentTypes</c> codes it applies to.</param>
/// <param name="Steps">The steps in order.</param>
/// <param name="Version">Send it back with a change: a change made since is not overwritten (409).</param>
/// <param name="UpdatedAt">When its definition last changed (UTC).</param>
public sealed record OutgoingProcessResponse(Guid Id, string Code, string Name, bool IsActive, bool IsDefault, IReadOnlyList<string> TypeCodes,
    IReadOnlyList<ProcessStepResponse> Steps, int Version, DateTime UpdatedAt)
{
    public static OutgoingProcessResponse Of(OutgoingProcess p) =>
        new(p.Id, p.Code, p.Name, p.IsActive, p.IsDefault, p.TypeCodeList,
            [.. p.Steps.Select(s => new ProcessStepResponse(s.Number, StepCodes.Of(s.Kind), OutgoingProcess.KindName(s.Kind), s.Name, s.CanSkip,
                s.AllowsAddedSteps, s.ReturnResumesAt, StepCodes.Of(s.Records), s.UserId, s.UserName))],
            p.Version, p.UpdatedAt);
}

/// <summary>The codes of step kinds and approvals in the API: the enum names in camelCase (<c>unitHead</c>, <c>format</c>).</summary>
public static class StepCodes
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>The value a code names (any case), or <c>null</c> when it names none.</summary>
    public static TEnum? Parse<TEnum>(string? code)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => (TEnum?)v).FirstOrDefault(v => string.Equals(Of(v!.Value), code?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static readonly IReadOnlyList<(StepApproval Value, string Name)> ApprovalNames =
    [
        (StepApproval.None, "Không ghi nhận"),
        (StepApproval.Content, "Duyệt nội dung"),
        (StepApproval.Format, "Duyệt thể thức"),
    ];
}

/// <summary>
/// Quy trình xử lý văn bản đi: the agency's approval processes, the two ready ones (regulation 000 Điều 8, regulation 003
/// Điều 6) created the first time they are asked for. <c>GET /api/v1/documents/outgoing-processes</c> and
/// <c>GET /api/v1/documents/outgoing-processes/{id}</c>.
/// </summary>
public sealed class ListOutgoingProcesses(EofficeDbContext db, OutgoingProcesses processes, ICurrentUser currentUser)
{
    public async Task<IReadOnlyList<OutgoingProcessResponse>> HandleAsync(CancellationToken cancellationToken)
    {
        var agencyId = currentUser.AgencyId ?? throw RuleException.NotFound();
        await processes.EnsureDefaultsAsync(agencyId, cancellationToken);
        var all = await db.Set<OutgoingProcess>().AsNoTracking().Where(p => p.AgencyId == agencyId).ToListAsync(cancellationToken);
        return [.. all.OrderBy(p => p.CreatedAt).ThenBy(p => p.Code, StringComparer.Ordinal).Select(OutgoingProcessResponse.Of)];
    }

    public async Task<OutgoingProcessResponse> GetAsync(Guid id, CancellationToken cancellationToken) =>
        OutgoingProcessResponse.Of(await LoadAsync(db, currentUser, id, tracked: false, cancellationToken));

    /// <summary>A process of the signed-in administrator's agency; another agency's is "not found".</summary>
    internal static async Task<OutgoingProcess> LoadAsync(EofficeDbContext db, ICurrentUser currentUser, Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var agencyId = currentUser.AgencyId ?? throw RuleException.NotFound();
        var query = db.Set<OutgoingProcess>().Where(p => p.Id == id && p.AgencyId == agencyId);
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(cancellationToken)
            ?? throw RuleException.NotFound("Không tìm thấy quy trình hoặc bạn không có quyền truy cập.");
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/outgoing-processes", async Task<Ok<IReadOnlyList<OutgoingProcessResponse>>> (ListOutgoingProcesses handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ManageRegisters))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ListOutgoingProcesses")
            .WithSummary("Các quy trình xử lý văn bản đi của cơ quan: các bước, loại văn bản áp dụng, đang áp dụng hay không.");
        group.MapGet("/outgoing-processes/{id:guid}", async Task<Ok<OutgoingProcessResponse>> (Guid id, ListOutgoingProcesses handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.GetAsync(id, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ManageRegisters))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetOutgoingProcess")
            .WithSummary("Một quy trình xử lý văn bản đi: các bước và loại văn bản áp dụng.");
    }
}
