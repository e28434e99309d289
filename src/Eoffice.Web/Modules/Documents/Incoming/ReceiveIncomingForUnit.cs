using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Kernel.Numbering;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Time;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// Tiếp nhận vào sổ đơn vị (regulation 000 Điều 5.2.a): a document sent to a unit that keeps its own incoming register and
/// clerk (the demo's Ban Quản lý dự án) reaches that clerk first; the clerk registers it in the unit's register with the
/// unit's next arrival number — the same allocator and guarantee as the agency's register — and it passes to the unit's
/// leaders, who then handle it as any unit's part. <c>POST …/incoming/{id}/receive</c>, page /van-ban-den/{id}/tiep-nhan.
/// </summary>
public sealed class ReceiveIncomingForUnit(IncomingHandling handling, NumberAllocator numbers, UnitOfWork unitOfWork)
{
    public sealed record Request(Guid? AssignmentId, string? Note) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (Note?.Trim().Length > Assignment.InstructionMaxLength)
            {
                errors["note"] = [$"Ghi chú dài tối đa {Assignment.InstructionMaxLength} ký tự."];
            }

            return errors;
        }
    }

    public sealed record Response(Guid DocumentId, string Status, string StatusName, Guid RegisterId, string RegisterName, int Year, int ArrivalNumber);

    public async Task<Response> HandleAsync(Guid id, Request request, CancellationToken cancellationToken)
    {
        var viewer = await handling.ViewerAsync(cancellationToken);
        var document = await handling.LoadAsync(id, cancellationToken);
        document.CanReceive(viewer, request.AssignmentId).ThrowIfBroken();
        var waiting = document.WaitingForClerk(viewer, request.AssignmentId)!;
        var register = await handling.Db.Set<Register>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == waiting.ReceivingRegisterId && r.AgencyId == viewer.AgencyId, cancellationToken);
        if (register is not { IsActive: true })
        {
            throw RuleException.Conflict("Sổ văn bản đến của đơn vị đã ngừng sử dụng; đề nghị quản trị mở lại sổ hoặc người gửi thu hồi và chuyển lại.");
        }

        var now = handling.Now;
        var year = VietnamTime.DateOf(new DateTimeOffset(now, TimeSpan.Zero)).Year;
        var note = ForwardIncoming.Clean(request.Note);
        var receipt = await unitOfWork.CommitAsync(
            async ct => document.ReceiveForUnit(viewer, waiting.Id, register, year, await numbers.NextAsync(register.Id, year, NumberSeries.Main, ct), note, now),
            r => new AuditEvent("documents.incoming.receive", IncomingHandling.AuditObjectType, document.Id.ToString(),
                Details: $"Vào sổ \"{register.Name}\" số đến {r.Number}/{r.Year} văn bản đến số {document.ArrivalNumber}/{document.Year} của cơ quan ({waiting.RecipientName})."),
            cancellationToken, IncomingHandling.ConflictMessage);
        return new Response(document.Id, IncomingNames.Json(document.Status), IncomingNames.Name(document.Status), register.Id, register.Name, receipt.Year, receipt.Number);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/incoming/{id:guid}/receive", async Task<Ok<Response>> (Guid id, Request request, ReceiveIncomingForUnit handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ViewIncoming))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ReceiveIncomingForUnit")
            .WithSummary("Văn thư đơn vị tiếp nhận văn bản cơ quan chuyển đến, vào sổ văn bản đến của đơn vị và chuyển lãnh đạo đơn vị.");
}
