using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Time;
using Eoffice.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// One line of the Sổ đăng ký văn bản đến (Decree 30 Phụ lục IV): Ngày đến | Số đến | Tác giả |
/// Số, ký hiệu | Ngày tháng văn bản | Tên loại và trích yếu | Đơn vị hoặc người nhận | Ngày chuyển | Ký nhận | Ghi chú,
/// with what the tracking book (§1.5.5) and the daily list need besides.
/// </summary>
public sealed record IncomingRegisterRow(
    Guid Id,
    int Year,
    int ArrivalNumber,
    DateTime ArrivalAt,
    string IssuingOrganName,
    string? CodeNumber,
    string? CodeNotation,
    DateOnly? IssuedDate,
    string TypeName,
    string Subject,
    string? ToPlaces,
    DateTime? FirstForwardedAt,
    string? Description,
    IncomingStatus Status,
    string? CancelReason,
    bool IsBackEntered,
    DateOnly? DueDate,
    DateTime? FinishedAt,
    Contracts.Urgency Urgency);

/// <summary>
/// Reads a register's documents for a range of arrival dates (Vietnam dates, inclusive), in arrival-number order,
/// streamed so that a year of a large agency can be exported without holding it in memory. Only the register's keepers
/// and agency-wide trackers may read a whole register; anyone else is told it does not exist.
/// </summary>
public sealed class IncomingRegisterQuery(EofficeDbContext db, IncomingAccessControl access)
{
    public async Task<Register> AuthorizeAsync(Guid registerId, CancellationToken cancellationToken)
    {
        var v = await access.ViewerAsync(cancellationToken);
        var register = await db.Set<Register>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == registerId && r.AgencyId == v.AgencyId && r.Kind == RegisterKind.Incoming, cancellationToken);
        if (register is null || !(v.AgencyWideTracker || v.KeptRegisters.Contains(register.Id)))
        {
            throw RuleException.NotFound();
        }

        return register;
    }

    /// <summary>
    /// Rows of a register between two arrival dates; call <see cref="AuthorizeAsync"/> first. A unit's register holds, in
    /// one numbering, the documents registered in it and those the agency sent the unit and its clerk received into it
    /// (<see cref="IncomingUnitReceipt"/>); the latter are few, read first, and merged into the streamed rows by number.
    /// </summary>
    public async IAsyncEnumerable<IncomingRegisterRow> RowsAsync(Guid registerId, DateOnly from, DateOnly to,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var start = VietnamTime.StartOfDayUtc(from);
        var end = VietnamTime.EndOfDayUtc(to);
        var received = new Queue<IncomingRegisterRow>(await db.Set<IncomingUnitReceipt>().AsNoTracking()
            .Where(u => u.RegisterId == registerId && u.ReceivedAt >= start && u.ReceivedAt < end)
            .Join(db.Set<IncomingDocument>(), u => u.DocumentId, d => d.Id, (u, d) => new { u, d })
            .OrderBy(x => x.u.Year).ThenBy(x => x.u.Number)
            .Select(x => new IncomingRegisterRow(
                x.d.Id, x.u.Year, x.u.Number, x.u.ReceivedAt, x.d.Metadata.IssuingOrganName, x.d.Metadata.CodeNumber, x.d.Metadata.CodeNotation, x.d.Metadata.IssuedDate,
                x.d.Metadata.TypeName, x.d.Metadata.Subject, x.d.ToPlaces,
                db.Set<IncomingAssignment>().Where(a => a.ParentId == x.u.AssignmentId).Min(a => (DateTime?)a.SentAt),
                x.d.Metadata.Description, x.d.Status, x.d.CancelReason, x.d.IsBackEntered, x.d.Metadata.DueDate, x.d.FinishedAt, x.d.Metadata.Urgency))
            .ToListAsync(cancellationToken));
        await foreach (var row in OwnRowsAsync(registerId, start, end).WithCancellation(cancellationToken))
        {
            while (received.TryPeek(out var r) && (r.Year, r.ArrivalNumber).CompareTo((row.Year, row.ArrivalNumber)) < 0)
            {
                yield return received.Dequeue();
            }

            yield return row;
        }

        while (received.TryDequeue(out var r))
        {
            yield return r;
        }
    }

    private IAsyncEnumerable<IncomingRegisterRow> OwnRowsAsync(Guid registerId, DateTime start, DateTime end)
    {
        return db.Set<IncomingDocument>().AsNoTracking()
            .Where(d => d.RegisterId == registerId && d.ArrivalAt >= start && d.ArrivalAt < end)
            .OrderBy(d => d.Year).ThenBy(d => d.ArrivalNumber)
            .Select(d => new IncomingRegisterRow(
                d.Id, d.Year, d.ArrivalNumber, d.ArrivalAt, d.Metadata.IssuingOrganName, d.Metadata.CodeNumber, d.Metadata.CodeNotation, d.Metadata.IssuedDate, d.Metadata.TypeName,
                d.Metadata.Subject, d.ToPlaces,
                db.Set<IncomingAssignment>().Where(a => a.OwnerId == d.Id && a.ParentId != null).Min(a => (DateTime?)a.SentAt),
                d.Metadata.Description, d.Status, d.CancelReason, d.IsBackEntered, d.Metadata.DueDate, d.FinishedAt, d.Metadata.Urgency))
            .AsAsyncEnumerable();
    }
}
