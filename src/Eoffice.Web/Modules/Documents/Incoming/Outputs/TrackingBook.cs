using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Outputs;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Reporting;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Incoming.Outputs;

/// <summary>
/// Sổ theo dõi giải quyết văn bản đến (Decree 30 Phụ lục IV) for a period of arrival dates,
/// optionally of one register: Số đến | Tên loại, số, ký hiệu, ngày tháng, cơ quan ban hành | Đơn vị hoặc người nhận |
/// Thời hạn giải quyết | Tiến độ giải quyết | Số, ký hiệu văn bản trả lời | Ghi chú. The rows are the documents the
/// viewer may see (<see cref="IncomingAccessControl.Visible"/>): everything for agency-wide trackers, the register's
/// documents for its keepers, what reached their units for a unit leader. Print view /van-ban-den/so-va-bao-cao/so-theo-doi,
/// <c>GET /api/v1/documents/incoming/tracking-book.xlsx|pdf?from=&amp;to=&amp;registerId=</c>.
/// </summary>
public sealed class TrackingBook(EofficeDbContext db, IncomingAccessControl access, PrintMarks marks)
{
    public const string Title = "Sổ theo dõi giải quyết văn bản đến";

    public static readonly IReadOnlyList<ReportColumn> Columns =
    [
        new("Số đến", 6, Numeric: true),
        new("Tên loại, số, ký hiệu, ngày tháng, cơ quan ban hành", 30),
        new("Đơn vị hoặc người nhận", 16),
        new("Thời hạn giải quyết", 9, Centered: true),
        new("Tiến độ giải quyết", 12),
        new("Số, ký hiệu văn bản trả lời", 13),
        new("Ghi chú", 14),
    ];

    public sealed record Query(DateOnly? From, DateOnly? To, Guid? RegisterId) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate() => new BookPeriod(From, To).Validate();
    }

    private sealed record Row(
        int ArrivalNumber, int Year, string TypeName, string? CodeNumber, string? CodeNotation, DateOnly? IssuedDate, string IssuingOrganName,
        string Subject, string? ToPlaces, DateOnly? DueDate, IncomingStatus Status, DateTime? FinishedAt, string? CancelReason, string? Description,
        bool IsBackEntered, List<string> Replies);

    /// <summary>What the audit entries of the tracking book name: the book, of one register or of all (an empty id).</summary>
    public static OutputSubject Subject(Guid? registerId) => new(OutputAudit.Incoming, "incoming-tracking-book", registerId ?? Guid.Empty);

    /// <summary>Progress as the book states it: đang xử lý, quá hạn N ngày, hoàn thành đúng hạn / trễ hạn.</summary>
    public static string Progress(IncomingStatus status, DateOnly? dueDate, DateTime? finishedAt, DateOnly today)
    {
        if (status == IncomingStatus.Cancelled)
        {
            return "Đã hủy đăng ký";
        }

        if (status == IncomingStatus.Finished)
        {
            var finished = finishedAt is { } f ? Platform.Time.VietnamTime.DateOf(new DateTimeOffset(DateTime.SpecifyKind(f, DateTimeKind.Utc))) : today;
            if (dueDate is not { } due)
            {
                return $"Hoàn thành ngày {OutputText.Date(finished)}";
            }

            return finished <= due
                ? $"Hoàn thành đúng hạn ({OutputText.Date(finished)})"
                : $"Hoàn thành trễ hạn {finished.DayNumber - due.DayNumber} ngày ({OutputText.Date(finished)})";
        }

        return dueDate is { } d && d < today ? $"Quá hạn {today.DayNumber - d.DayNumber} ngày" : "Đang xử lý";
    }

    public async Task<PrintedReport> BuildAsync(Query query, CancellationToken cancellationToken)
    {
        var v = await access.ViewerAsync(cancellationToken);
        var (from, to) = new BookPeriod(query.From, query.To).Resolve(marks.Today);
        string? registerName = null;
        if (query.RegisterId is { } registerId)
        {
            registerName = await db.Set<Register>().AsNoTracking()
                .Where(r => r.Id == registerId && r.AgencyId == v.AgencyId && r.Kind == RegisterKind.Incoming)
                .Select(r => r.Name).FirstOrDefaultAsync(cancellationToken) ?? throw RuleException.NotFound();
        }

        var agency = await marks.AgencyNameAsync(v.AgencyId, cancellationToken);
        var start = Platform.Time.VietnamTime.StartOfDayUtc(from);
        var end = Platform.Time.VietnamTime.EndOfDayUtc(to);
        var documents = access.Visible(v).AsNoTracking().Where(d => d.ArrivalAt >= start && d.ArrivalAt < end);
        if (query.RegisterId is { } id)
        {
            documents = documents.Where(d => d.RegisterId == id);
        }

        var rows = documents
            .OrderBy(d => d.Year).ThenBy(d => d.ArrivalNumber).ThenBy(d => d.RegisterId)
            .Select(d => new Row(d.ArrivalNumber, d.Year, d.Metadata.TypeName, d.Metadata.CodeNumber, d.Metadata.CodeNotation, d.Metadata.IssuedDate, d.Metadata.IssuingOrganName, d.Metadata.Subject,
                d.ToPlaces, d.Metadata.DueDate, d.Status, d.FinishedAt, d.CancelReason, d.Metadata.Description, d.IsBackEntered,
                db.Set<IncomingReply>().Where(r => r.DocumentId == d.Id).OrderBy(r => r.CreatedAt).Select(r => r.OutgoingCode ?? r.Title).ToList()))
            .AsAsyncEnumerable();

        var today = marks.Today;
        var lines = new List<string> { OutputText.Period(from, to) };
        if (registerName is not null)
        {
            lines.Insert(0, $"Sổ: {registerName}");
        }

        if (!v.AgencyWideTracker && !(query.RegisterId is { } r && v.KeptRegisters.Contains(r)))
        {
            lines.Insert(0, "Những văn bản thuộc phạm vi theo dõi của người in");
        }

        return new PrintedReport(Title, agency, Landscape: true, marks.PrintedBy(), new ReportCover(agency, Title, lines),
            [new ReportTable(Columns, Lines(rows, today))], $"so-theo-doi-giai-quyet-van-ban-den-{from:yyyyMMdd}-{to:yyyyMMdd}");
    }

    private static async IAsyncEnumerable<IReadOnlyList<string>> Lines(IAsyncEnumerable<Row> rows, DateOnly today)
    {
        await foreach (var r in rows)
        {
            var notes = new List<string>();
            if (r.Status == IncomingStatus.Cancelled)
            {
                notes.Add($"Lý do hủy: {r.CancelReason}");
            }

            if (r.IsBackEntered)
            {
                notes.Add("Nhập bù");
            }

            if (!string.IsNullOrWhiteSpace(r.Description))
            {
                notes.Add(r.Description);
            }

            yield return
            [
                OutputText.Number(r.ArrivalNumber),
                $"{OutputText.Identification(r.TypeName, OutputText.CodeText(r.CodeNumber, r.CodeNotation), r.IssuedDate, r.IssuingOrganName)}\n{r.Subject}",
                r.ToPlaces ?? "",
                OutputText.Date(r.DueDate),
                Progress(r.Status, r.DueDate, r.FinishedAt, today),
                string.Join("; ", r.Replies),
                string.Join("; ", notes),
            ];
        }
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/incoming/tracking-book.xlsx",
                async Task<FileStreamHttpResult> ([AsParameters] Query query, TrackingBook handler, ReportFiles files, CancellationToken ct) =>
                {
                    var report = await handler.BuildAsync(query, ct);
                    var file = await files.XlsxAsync(report, "Sổ theo dõi", Subject(query.RegisterId), ct);
                    return TypedResults.File(file, ReportFiles.XlsxContentType, report.FileName + ".xlsx");
                })
            .RequireAuthorization(Policies.For(DocumentsPermissions.ReportIncoming))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ExportIncomingTrackingBookXlsx")
            .WithSummary("Xuất Sổ theo dõi giải quyết văn bản đến trong khoảng ngày đến (.xlsx).");

        group.MapGet("/incoming/tracking-book.pdf",
                async Task<FileContentHttpResult> ([AsParameters] Query query, TrackingBook handler, ReportFiles files, CancellationToken ct) =>
                {
                    var report = await handler.BuildAsync(query, ct);
                    return TypedResults.File(await files.PdfAsync(report, Subject(query.RegisterId), ct),
                        ReportFiles.PdfContentType, report.FileName + ".pdf");
                })
            .RequireAuthorization(Policies.For(DocumentsPermissions.ReportIncoming))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ExportIncomingTrackingBookPdf")
            .WithSummary("In Sổ theo dõi giải quyết văn bản đến trong khoảng ngày đến (PDF, khổ A4 ngang).");
    }
}
