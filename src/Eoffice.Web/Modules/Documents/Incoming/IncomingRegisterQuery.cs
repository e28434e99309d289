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

    /// <summary>Rows of a register between two arrival dates; call <see cref="AuthorizeAsync"/> first.</summary>
    public IAsyncEnumerable<IncomingRegisterRow> RowsAsync(Guid registerId, DateOnly from, DateOnly to)
    {
        var start = VietnamTime.StartOfDayUtc(from);
        var end = VietnamTime.EndOfDayUtc(to);
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
