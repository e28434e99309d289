using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Outgoing.Layout;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Documents.Outgoing.Admin;

/// <summary>One step as the administrator writes it; the codes are those of <see cref="ProcessStepResponse"/>.</summary>
public sealed class StepInput
{
    public string? Kind { get; set; }

    public string? Name { get; set; }

    public bool CanSkip { get; set; }

    public bool AllowsAddedSteps { get; set; }

    /// <summary>Default 2: the unit head's step, as regulation 000 has it.</summary>
    public int ReturnResumesAt { get; set; } = 2;

    /// <summary>Default <c>none</c>.</summary>
    public string? Records { get; set; }

    /// <summary>The person of a <c>person</c> step (a person of the agency); ignored for the other kinds.</summary>
    public Guid? UserId { get; set; }

    public static StepInput Of(ChainStep s) => new()
    {
        Kind = StepCodes.Of(s.Kind), Name = s.Name, CanSkip = s.CanSkip, AllowsAddedSteps = s.AllowsAddedSteps, ReturnResumesAt = s.ReturnResumesAt,
        Records = StepCodes.Of(s.Records), UserId = s.UserId,
    };

    public static StepInput Of(ProcessStepResponse s) => new()
    {
        Kind = s.Kind, Name = s.Name, CanSkip = s.CanSkip, AllowsAddedSteps = s.AllowsAddedSteps, ReturnResumesAt = s.ReturnResumesAt, Records = s.Records,
        UserId = s.UserId,
    };
}

/// <summary>
/// The administrator writes an approval process: a new one (a copy of a ready definition or of another process, then
/// changed), or a change of one — its name, its steps, the document types it applies to. A new process starts out not
/// applied; <see cref="SetOutgoingProcessActive"/> applies it. Drafts already on their way keep the chain they copied.
/// <c>POST /api/v1/documents/outgoing-processes</c>, <c>PUT /api/v1/documents/outgoing-processes/{id}</c>.
/// </summary>
public sealed class SaveOutgoingProcess(EofficeDbContext db, OutgoingProcesses processes, ActiveProcessGuard guard, IPeopleDirectory people,
    ICurrentUser currentUser, UnitOfWork unitOfWork, TimeProvider time)
{
    /// <summary><c>typeCodes</c>: the types it applies to (of <see cref="OutgoingTemplates.Types"/>); none: the default for every other type.</summary>
    public class Request : IValidatableRequest
    {
        public string? Name { get; set; }

        public List<string> TypeCodes { get; set; } = [];

        public List<StepInput> Steps { get; set; } = [];

        /// <summary>The steps as the domain holds them; a kind or an approval that names nothing is kept invalid for the checks to name.</summary>
        public List<ChainStep> ToSteps() =>
        [
            .. (Steps ?? []).Select((s, i) => new ChainStep(i + 1, StepCodes.Parse<ChainStepKind>(s.Kind) ?? (ChainStepKind)(-1), s.Name?.Trim() ?? "",
                s.CanSkip, s.AllowsAddedSteps, s.ReturnResumesAt, string.IsNullOrWhiteSpace(s.Records) ? StepApproval.None
                    : StepCodes.Parse<StepApproval>(s.Records) ?? (StepApproval)(-1), s.UserId)),
        ];

        public virtual Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            errors.Required("name", Name, OutgoingProcess.NameMaxLength, "Vui lòng nhập tên quy trình.", "Tên quy trình");
            if ((TypeCodes ?? []).FirstOrDefault(t => !OutgoingTemplates.Types.Any(k => k.Code == t?.Trim())) is { } unknown)
            {
                errors["typeCodes"] = [$"Không có loại văn bản “{unknown}” trong danh mục văn bản đi."];
            }

            var steps = ToSteps();
            foreach (var (field, message) in OutgoingProcess.Problems(steps))
            {
                errors[field] = [message];
            }

            for (var i = 0; i < steps.Count; i++)
            {
                if (!Enum.IsDefined(steps[i].Records))
                {
                    errors[$"steps[{i}].records"] = ["Ghi nhận duyệt: không ghi nhận, duyệt nội dung hoặc duyệt thể thức."];
                }
            }

            return errors;
        }
    }

    /// <summary>A change carries the <c>version</c> it was made from: a process changed since is not overwritten.</summary>
    public sealed class UpdateRequest : Request
    {
        public int? Version { get; set; }

        public override Dictionary<string, string[]> Validate()
        {
            var errors = base.Validate();
            if (Version is null)
            {
                errors["version"] = ["Thiếu phiên bản của quy trình đang sửa; vui lòng tải lại trang."];
            }

            return errors;
        }
    }

    private Guid AgencyId => currentUser.AgencyId ?? throw RuleException.NotFound();

    public async Task<OutgoingProcessResponse> CreateAsync(Request request, CancellationToken cancellationToken)
    {
        var agencyId = AgencyId;
        await processes.EnsureDefaultsAsync(agencyId, cancellationToken);
        var steps = await PeopleAsync(agencyId, request.ToSteps(), cancellationToken);
        var process = new OutgoingProcess(agencyId, $"rieng-{Guid.CreateVersion7():N}", request.Name!, steps, TypeCodes(request),
            time.GetUtcNow().UtcDateTime);
        process.Deactivate();
        db.Add(process);
        await unitOfWork.CommitAsync(new AuditEvent("documents.outgoing-process.create", "outgoing-process", process.Id.ToString(),
            Details: Describe(process)), cancellationToken);
        return OutgoingProcessResponse.Of(process);
    }

    public async Task<OutgoingProcessResponse> UpdateAsync(Guid id, UpdateRequest request, CancellationToken cancellationToken)
    {
        var agencyId = AgencyId;
        var process = await ListOutgoingProcesses.LoadAsync(db, currentUser, id, tracked: true, cancellationToken);
        if (process.Version != request.Version)
        {
            throw RuleException.Conflict($"Quy trình “{process.Name}” vừa được người khác sửa. Vui lòng tải lại trang để xem bản mới nhất rồi sửa lại.");
        }

        var steps = await PeopleAsync(agencyId, request.ToSteps(), cancellationToken);
        var before = Describe(process);
        process.Change(request.Name!, steps, TypeCodes(request), time.GetUtcNow().UtcDateTime);
        await unitOfWork.CommitAsync(
            async ct => process.IsActive ? await guard.CheckAsync(process, replace: false, "typeCodes", ct) : [],
            _ => new AuditEvent("documents.outgoing-process.update", "outgoing-process", process.Id.ToString(), Details: $"{before} → {Describe(process)}"),
            cancellationToken);
        return OutgoingProcessResponse.Of(process);
    }

    private static IEnumerable<string> TypeCodes(Request request) => (request.TypeCodes ?? []).Select(t => t.Trim());

    /// <summary>The person of each <c>person</c> step, who must be an active person of the agency, with their name; the other kinds name nobody.</summary>
    private async Task<List<ChainStep>> PeopleAsync(Guid agencyId, List<ChainStep> steps, CancellationToken cancellationToken)
    {
        var result = new List<ChainStep>(steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.Kind != ChainStepKind.Person)
            {
                result.Add(step with { UserId = null, UserName = null });
                continue;
            }

            var person = await people.FindPersonAsync(step.UserId!.Value, cancellationToken);
            if (person is null || person.AgencyId != agencyId || !person.IsActive)
            {
                throw RuleException.Invalid("Người được chọn không phải cán bộ đang làm việc của cơ quan.", $"steps[{i}].userId");
            }

            result.Add(step with { UserName = person.FullName });
        }

        return result;
    }

    internal static string Describe(OutgoingProcess p) =>
        $"{p.Name} [{(p.IsDefault ? "mặc định" : string.Join(", ", p.TypeCodeList))}]: "
        + string.Join(" → ", p.Steps.Select(s => s.Kind == ChainStepKind.Person ? $"{s.Name} ({s.UserName})" : s.Name));

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/outgoing-processes", async Task<Created<OutgoingProcessResponse>> (Request request, SaveOutgoingProcess handler, CancellationToken ct) =>
            {
                var created = await handler.CreateAsync(request, ct);
                return TypedResults.Created($"/api/v1/documents/outgoing-processes/{created.Id}", created);
            })
            .RequireAuthorization(Policies.For(DocumentsPermissions.ManageRegisters))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("CreateOutgoingProcess")
            .WithSummary("Tạo quy trình xử lý văn bản đi mới (ví dụ sao từ một quy trình mẫu); quy trình mới chưa được áp dụng.");
        group.MapPut("/outgoing-processes/{id:guid}", async Task<Ok<OutgoingProcessResponse>> (Guid id, UpdateRequest request, SaveOutgoingProcess handler,
                CancellationToken ct) => TypedResults.Ok(await handler.UpdateAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ManageRegisters))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("UpdateOutgoingProcess")
            .WithSummary("Sửa tên, các bước và loại văn bản áp dụng của một quy trình (kèm phiên bản đã đọc); dự thảo đang xử lý giữ quy trình cũ.");
    }
}
