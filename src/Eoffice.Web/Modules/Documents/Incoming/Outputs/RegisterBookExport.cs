using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Outputs;
using Eoffice.Web.Platform.Reporting;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Modules.Documents.Incoming.Outputs;

/// <summary>
/// Sổ đăng ký văn bản đến (Decree 30 Phụ lục IV) of one register for a period, with its cover page:
/// the ten columns in order, one line per registration in arrival-number order (cancelled ones included, with the
/// reason in "Ghi chú"). Print view /van-ban-den/so-va-bao-cao/so-dang-ky, .xlsx and PDF
/// <c>GET /api/v1/documents/registers/{registerId}/incoming-book.xlsx|pdf?from=&amp;to=</c>. Only the register's keepers
/// and agency-wide trackers may print it (<see cref="IncomingRegisterQuery.AuthorizeAsync"/>); anyone else gets 404.
/// </summary>
public sealed class RegisterBookExport(IncomingRegisterQuery query, PrintMarks marks)
{
    public const string Title = "Sổ đăng ký văn bản đến";

    public static readonly IReadOnlyList<ReportColumn> Columns =
    [
        new("Ngày đến", 7, Centered: true),
        new("Số đến", 5, Numeric: true),
        new("Tác giả", 12),
        new("Số, ký hiệu", 10, NoWrap: true),
        new("Ngày tháng văn bản", 7, Centered: true),
        new("Tên loại và trích yếu", 25),
        new("Đơn vị hoặc người nhận", 12),
        new("Ngày chuyển", 7, Centered: true),
        new("Ký nhận", 6),
        new("Ghi chú", 9),
    ];

    /// <summary>Authorises and describes the book; rows are read from the database as the report is written.</summary>
    public async Task<PrintedReport> BuildAsync(Guid registerId, BookPeriod period, CancellationToken cancellationToken)
    {
        var register = await query.AuthorizeAsync(registerId, cancellationToken);
        var (from, to) = period.Resolve(marks.Today);
        var agency = await marks.AgencyNameAsync(register.AgencyId, cancellationToken);
        var cover = new ReportCover(agency, Title,
        [
            $"Sổ: {register.Name}{(register.Code is null ? "" : $" ({register.Code})")}",
            OutputText.Years(from, to),
            OutputText.Period(from, to),
        ]);
        return new PrintedReport(
            $"{Title} - {register.Name}",
            agency,
            Landscape: true,
            marks.PrintedBy(),
            cover,
            [new ReportTable(Columns, Rows(query.RowsAsync(register.Id, from, to)))],
            $"so-dang-ky-van-ban-den-{from:yyyyMMdd}-{to:yyyyMMdd}");
    }

    /// <summary>What the audit entries of an incoming register's outputs name: the register.</summary>
    public static OutputSubject Subject(Guid registerId) => new(OutputAudit.Incoming, "register", registerId);

    public static string Note(IncomingRegisterRow row)
    {
        var notes = new List<string>();
        if (row.Status == IncomingStatus.Cancelled)
        {
            notes.Add($"Đã hủy đăng ký: {row.CancelReason}");
        }

        if (row.IsBackEntered)
        {
            notes.Add("Nhập bù");
        }

        if (!string.IsNullOrWhiteSpace(row.Description))
        {
            notes.Add(row.Description);
        }

        return string.Join("; ", notes);
    }

    private static async IAsyncEnumerable<IReadOnlyList<string>> Rows(IAsyncEnumerable<IncomingRegisterRow> rows)
    {
        await foreach (var r in rows)
        {
            yield return
            [
                OutputText.Date(r.ArrivalAt),
                OutputText.Number(r.ArrivalNumber),
                r.IssuingOrganName,
                OutputText.CodeText(r.CodeNumber, r.CodeNotation),
                OutputText.Date(r.IssuedDate),
                $"{r.TypeName}: {r.Subject}",
                r.ToPlaces ?? "",
                OutputText.Date(r.FirstForwardedAt),
                "",
                Note(r),
            ];
        }
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/registers/{registerId:guid}/incoming-book.xlsx",
                async Task<FileStreamHttpResult> (Guid registerId, [AsParameters] BookPeriod period, RegisterBookExport handler, ReportFiles files, CancellationToken ct) =>
                {
                    var report = await handler.BuildAsync(registerId, period, ct);
                    var file = await files.XlsxAsync(report, "Sổ đăng ký", Subject(registerId), ct);
                    return TypedResults.File(file, ReportFiles.XlsxContentType, report.FileName + ".xlsx");
                })
            .RequireAuthorization(Policies.For(DocumentsPermissions.ReportIncoming))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ExportIncomingRegisterBookXlsx")
            .WithSummary("Xuất Sổ đăng ký văn bản đến của một sổ trong khoảng ngày đến (.xlsx).");

        group.MapGet("/registers/{registerId:guid}/incoming-book.pdf",
                async Task<FileContentHttpResult> (Guid registerId, [AsParameters] BookPeriod period, RegisterBookExport handler, ReportFiles files, CancellationToken ct) =>
                {
                    var report = await handler.BuildAsync(registerId, period, ct);
                    return TypedResults.File(await files.PdfAsync(report, Subject(registerId), ct), ReportFiles.PdfContentType, report.FileName + ".pdf");
                })
            .RequireAuthorization(Policies.For(DocumentsPermissions.ReportIncoming))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ExportIncomingRegisterBookPdf")
            .WithSummary("In Sổ đăng ký văn bản đến của một sổ trong khoảng ngày đến (PDF, khổ A4 ngang).");
    }
}
