using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Outputs;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Reporting;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Incoming.Outputs;

/// <summary>
/// Bảng thống kê văn bản đến trong ngày (regulation 003 Điều 8.2: "in bảng thống kê văn bản đến trong ngày để các phòng
/// ban ký nhận"): the documents registered in one register on one day, grouped by the unit or person that received
/// them — the recipients of the agency-level direction, else the leader it was presented to — each with a "Ký nhận"
/// column. A document sent to several units appears under each. Print view /van-ban-den/so-va-bao-cao/van-ban-den-trong-ngay
/// and <c>GET /api/v1/documents/registers/{registerId}/daily-list.pdf?day=</c>; keepers and agency-wide trackers only.
/// </summary>
public sealed class DailyReceivedList(IncomingRegisterQuery query, EofficeDbContext db, PrintMarks marks)
{
    public const string Title = "Bảng thống kê văn bản đến trong ngày";
    public const string NotSent = "Chưa chuyển xử lý";

    public static readonly IReadOnlyList<ReportColumn> Columns =
    [
        new("STT", 5, Centered: true),
        new("Số đến", 6, Numeric: true),
        new("Tác giả", 13),
        new("Số, ký hiệu", 17, NoWrap: true),
        new("Ngày tháng văn bản", 12, Centered: true, NoWrap: true),
        new("Tên loại và trích yếu", 23),
        new("Vai trò, hạn xử lý", 12),
        new("Ký nhận", 12),
    ];

    public sealed record Query(DateOnly? Day) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate() => [];
    }

    public sealed record Group(string Recipient, IReadOnlyList<IReadOnlyList<string>> Rows);

    public async Task<PrintedReport> BuildAsync(Guid registerId, DateOnly? day, CancellationToken cancellationToken)
    {
        var register = await query.AuthorizeAsync(registerId, cancellationToken);
        var date = day ?? marks.Today;
        var rows = new List<IncomingRegisterRow>();
        await foreach (var row in query.RowsAsync(register.Id, date, date).WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        var ids = rows.Select(r => r.Id).ToList();
        var assignments = await db.Set<IncomingAssignment>().AsNoTracking().Where(a => ids.Contains(a.OwnerId)).ToListAsync(cancellationToken);
        var groups = GroupByRecipient(rows, assignments);
        var agency = await marks.AgencyNameAsync(register.AgencyId, cancellationToken);
        var blocks = new List<ReportBlock>
        {
            new ReportLetterhead(agency, null),
            new ReportParagraph(Title.ToUpperInvariant(), TextStyle.Title),
            new ReportParagraph($"Sổ: {register.Name} — {OutputText.Period(date, date)}", TextStyle.Centered),
        };
        if (groups.Count == 0)
        {
            blocks.Add(new ReportParagraph("Không có văn bản đến nào được vào sổ trong ngày."));
        }

        foreach (var g in groups)
        {
            blocks.Add(new ReportTable(Columns, ReportRows.From(g.Rows), $"{g.Recipient} ({g.Rows.Count} văn bản)"));
        }

        blocks.Add(new ReportParagraph($"Tổng số: {rows.Count} văn bản.", TextStyle.Bold));
        return new PrintedReport($"{Title} {OutputText.Date(date)}", agency, Landscape: false, marks.PrintedBy(), null, blocks,
            $"van-ban-den-trong-ngay-{date:yyyyMMdd}");
    }

    public static List<Group> GroupByRecipient(IReadOnlyList<IncomingRegisterRow> rows, IReadOnlyList<Assignment> assignments)
    {
        var byDocument = assignments.Where(a => a.Status is not AssignmentStatus.Revoked and not AssignmentStatus.Returned)
            .GroupBy(a => a.OwnerId).ToDictionary(g => g.Key, g => g.ToList());
        var groups = new Dictionary<(Guid?, Guid?, string), List<(IncomingRegisterRow Row, Assignment? To)>>();
        foreach (var row in rows.Where(r => r.Status != IncomingStatus.Cancelled))
        {
            var live = byDocument.GetValueOrDefault(row.Id) ?? [];
            var directIds = live.Where(a => a.Role == AssignmentRole.Direct).Select(a => a.Id).ToHashSet();
            var targets = live.Where(a => a.Role != AssignmentRole.Direct && a.ParentId is { } p && directIds.Contains(p)).ToList();
            if (targets.Count == 0)
            {
                targets = live.Where(a => a.ParentId is null).ToList();
            }

            if (targets.Count == 0)
            {
                Add((null, null, NotSent), row, null);
            }

            foreach (var t in targets.DistinctBy(t => (t.RecipientUserId, t.RecipientUnitId)))
            {
                Add((t.RecipientUserId, t.RecipientUnitId, t.RecipientName), row, t);
            }
        }

        return groups.OrderBy(g => g.Key.Item3 == NotSent).ThenBy(g => g.Key.Item3, StringComparer.Ordinal)
            .Select(g => new Group(g.Key.Item3, g.Value.Select((x, i) => (IReadOnlyList<string>)
            [
                OutputText.Number(i + 1),
                OutputText.Number(x.Row.ArrivalNumber),
                x.Row.IssuingOrganName,
                OutputText.CodeText(x.Row.CodeNumber, x.Row.CodeNotation),
                OutputText.Date(x.Row.IssuedDate),
                $"{x.Row.TypeName}: {x.Row.Subject}",
                x.To is null ? "" : HandlingNames.Name(x.To.Role) + (x.To.DueDate is { } due ? $", hạn {OutputText.Date(due)}" : ""),
                "",
            ]).ToList())).ToList();

        void Add((Guid?, Guid?, string) key, IncomingRegisterRow row, Assignment? to)
        {
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add((row, to));
        }
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/registers/{registerId:guid}/daily-list.pdf",
                async Task<FileContentHttpResult> (Guid registerId, [AsParameters] Query query, DailyReceivedList handler, ReportFiles files, CancellationToken ct) =>
                {
                    var report = await handler.BuildAsync(registerId, query.Day, ct);
                    return TypedResults.File(await files.PdfAsync(report, RegisterBookExport.Subject(registerId), ct), ReportFiles.PdfContentType, report.FileName + ".pdf");
                })
            .RequireAuthorization(Policies.For(DocumentsPermissions.ReportIncoming))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetIncomingDailyListPdf")
            .WithSummary("Bảng thống kê văn bản đến trong ngày của một sổ, theo đơn vị, người nhận, để ký nhận (PDF).");
}
