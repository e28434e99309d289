using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Outputs;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Reporting;
using Eoffice.Web.Platform.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Outgoing.Outputs;

/// <summary>
/// Báo cáo văn bản đi theo trạng thái và đơn vị: for the outgoing documents <b>created</b> (the draft started) in a period,
/// how many of each drafting unit stand now in each status — đang soạn, đang trình duyệt, chờ phát hành, đã phát hành, đã
/// thu hồi, đã hủy — with each unit's total and the totals of all. The creation date, not the issue date, places a
/// document in the period: only issued documents have an issue date, and the report is about the drafts still on their
/// way as much as the issued ones (the register book counts by issue date). Agency-wide reporters count the whole
/// agency, a unit leader their unit's drafts (and a clerk the documents of the registers they keep:
/// <see cref="OutgoingReportScope"/>). Print view /van-ban-di/so-va-bao-cao/theo-don-vi, file
/// <c>GET /api/v1/documents/outgoing-reports/by-unit?from=&amp;to=&amp;format=xlsx|pdf</c>.
/// </summary>
public sealed class OutgoingReportByUnit(OutgoingReportScope scope, PrintMarks marks, IOrganizationDirectory organization)
{
    public const string Title = "Báo cáo văn bản đi theo trạng thái và đơn vị";
    public const string SheetName = "Theo đơn vị";
    public const string TotalLabel = "Tổng cộng";

    /// <summary>The statuses in the order of the report's columns.</summary>
    public static readonly IReadOnlyList<OutgoingStatus> Statuses =
        [OutgoingStatus.Drafting, OutgoingStatus.InReview, OutgoingStatus.ToIssue, OutgoingStatus.Issued, OutgoingStatus.Recalled, OutgoingStatus.Cancelled];

    public static readonly IReadOnlyList<ReportColumn> Columns =
    [
        new("STT", 4, Centered: true),
        new("Đơn vị soạn thảo", 30),
        new("Đang soạn", 8, Numeric: true),
        new("Đang trình duyệt", 8, Numeric: true),
        new("Chờ phát hành", 8, Numeric: true),
        new("Đã phát hành", 8, Numeric: true),
        new("Đã thu hồi", 8, Numeric: true),
        new("Đã hủy", 8, Numeric: true),
        new("Tổng số", 8, Numeric: true),
    ];

    /// <summary>One unit's line: its counts in the order of <see cref="Statuses"/>.</summary>
    public sealed record UnitLine(Guid UnitId, string UnitName, IReadOnlyList<int> Counts)
    {
        public int Total => Counts.Sum();
    }

    /// <summary>What the audit entries of this report name.</summary>
    public static OutputSubject Subject => new(OutputAudit.Outgoing, "outgoing-report-by-unit", Guid.Empty);

    /// <summary>
    /// The lines of the units the viewer reports on, in the organisation's order: every active unit in their reach (with
    /// zeros), and any other unit that drafted documents of the period (one since closed, a unit of a kept register).
    /// </summary>
    public async Task<IReadOnlyList<UnitLine>> LinesAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var v = await scope.ViewerAsync(cancellationToken);
        var start = VietnamTime.StartOfDayUtc(from);
        var end = VietnamTime.EndOfDayUtc(to);
        var counted = await scope.Documents(v)
            .Where(d => d.CreatedAt >= start && d.CreatedAt < end)
            .GroupBy(d => new { d.DraftingUnitId, d.Status })
            .Select(g => new { g.Key.DraftingUnitId, g.Key.Status, Count = g.Count(), Name = g.Max(d => d.DraftingUnitName) })
            .ToListAsync(cancellationToken);
        var units = await organization.UnitsOfAgencyAsync(v.AgencyId, cancellationToken);
        var byUnit = counted.GroupBy(c => c.DraftingUnitId).ToDictionary(g => g.Key, g => g.ToList());
        var listed = units.Where(u => byUnit.ContainsKey(u.Id) || (u.IsActive && (v.AgencyWide || v.Units.Contains(u.Id))))
            .Select(u => (u.Id, u.Name)).ToList();
        listed.AddRange(byUnit.Keys.Where(id => listed.All(l => l.Id != id))
            .Select(id => (id, byUnit[id].Max(c => c.Name)!)).OrderBy(l => l.Item2, StringComparer.Ordinal));
        return listed.Select(u => new UnitLine(u.Id, u.Name,
            Statuses.Select(s => byUnit.GetValueOrDefault(u.Id)?.Where(c => c.Status == s).Sum(c => c.Count) ?? 0).ToList())).ToList();
    }

    public async Task<PrintedReport> BuildAsync(BookPeriod period, CancellationToken cancellationToken)
    {
        var v = await scope.ViewerAsync(cancellationToken);
        var (from, to) = period.Resolve(marks.Today);
        var lines = await LinesAsync(from, to, cancellationToken);
        var agency = await marks.AgencyNameAsync(v.AgencyId, cancellationToken);
        var rows = lines.Select((l, i) => (IReadOnlyList<string>)[OutputText.Number(i + 1), l.UnitName, .. l.Counts.Select(OutputText.Number),
            OutputText.Number(l.Total)]).ToList();
        rows.Add(["", TotalLabel, .. Statuses.Select((_, i) => OutputText.Number(lines.Sum(l => l.Counts[i]))), OutputText.Number(lines.Sum(l => l.Total))]);
        var cover = new List<string>
        {
            "Văn bản đi tạo dự thảo trong kỳ, theo trạng thái tại thời điểm in",
            OutputText.Period(from, to),
        };
        if (v.Limited)
        {
            cover.Insert(0, "Những văn bản thuộc phạm vi của người in");
        }

        return new PrintedReport(Title, agency, Landscape: true, marks.PrintedBy(), new ReportCover(agency, Title, cover),
            [new ReportTable(Columns, ReportRows.From(rows))], $"bao-cao-van-ban-di-theo-don-vi-{from:yyyyMMdd}-{to:yyyyMMdd}");
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/outgoing-reports/by-unit",
                async Task<FileStreamHttpResult> ([AsParameters] ExportQuery query, OutgoingReportByUnit handler, ReportFiles files, CancellationToken ct) =>
                {
                    var report = await handler.BuildAsync(query.Period(), ct);
                    return await files.DownloadAsync(report, query.FileFormat(), SheetName, Subject, ct);
                })
            .AsReportExport(DocumentsPermissions.ReportOutgoing)
            .WithName("ExportOutgoingReportByUnit")
            .WithSummary("Xuất báo cáo văn bản đi theo trạng thái và đơn vị soạn thảo, cho các dự thảo tạo trong khoảng ngày (.xlsx hoặc PDF).");
}
