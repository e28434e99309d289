using System.Globalization;
using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Reporting;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Time;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Dossiers.FilePlans;

/// <summary>
/// The plan in the Phụ lục V layout — agency and national motto, "DANH MỤC HỒ SƠ CỦA …", the year, the five columns
/// (Số và ký hiệu hồ sơ | Tên đề mục và tiêu đề hồ sơ | Thời hạn bảo quản | Đơn vị/người lập hồ sơ | Ghi chú) with its
/// headings as rows, and the closing count of dossiers by retention — as .xlsx, .docx or PDF through the shared report
/// writers, marked "In bởi … lúc …" and audited as <c>dossiers.fileplan.export</c>.
/// <c>GET /api/v1/dossiers/file-plans/{id}/export?format=xlsx|docx|pdf</c>.
/// </summary>
public sealed class ExportFilePlan(FilePlanStore store, ICurrentUser currentUser, IReportPdfRenderer pdf)
{
    public const string SheetName = "Danh mục hồ sơ";

    public static readonly IReadOnlyList<ReportColumn> Columns =
    [
        new("Số và ký hiệu hồ sơ", 14, Centered: true, NoWrap: true),
        new("Tên đề mục và tiêu đề hồ sơ", 40),
        new("Thời hạn bảo quản", 12, Centered: true),
        new("Đơn vị/người lập hồ sơ", 22),
        new("Ghi chú", 12),
    ];

    public async Task<ReportFile> HandleAsync(Guid id, string? format, CancellationToken cancellationToken)
    {
        var kind = ReportFile.ParseFormat(format) ?? throw RuleException.Invalid(ReportFile.FormatMessage, "format");
        var viewer = await store.ViewerAsync(cancellationToken);
        var plan = await store.LoadAsync(viewer, id, cancellationToken, tracking: false);
        var names = await store.NamesAsync(viewer.AgencyId, cancellationToken);
        var agency = await store.AgencyNameAsync(viewer.AgencyId, cancellationToken);
        var report = Build(plan, names, agency, PrintedByMark.Of(currentUser.FullName ?? currentUser.UserName, store.Now), store.Now);
        var file = await ReportFile.RenderAsync(report, kind, SheetName, pdf, cancellationToken);
        await store.UnitOfWork.CommitAsync(new AuditEvent("dossiers.fileplan.export", "file-plan", plan.Id.ToString(),
            Details: $"Danh mục hồ sơ năm {plan.Year}: xuất tệp {kind.ToString().ToLowerInvariant()} ({plan.Entries.Count} hồ sơ)."), cancellationToken);
        return file;
    }

    public static PrintedReport Build(FilePlan plan, FilePlanNames names, string agencyName, string printedBy, DateTime now)
    {
        var rows = plan.Layout().Select(r => r.Entry is { } e
            ? (IReadOnlyList<string>)[e.Code, e.Title, e.Retention.Text, names.ResponsibleOf(e), e.Notes ?? ""]
            : ["", $"{r.Label}. {r.Heading.Title}", "", "", ""]).ToList();
        var permanent = plan.Entries.Count(e => e.Retention.IsPermanent);
        var status = plan.Status == FilePlanStatus.Approved
            ? $"(Được {plan.ApprovedByName} phê duyệt ngày {VietnamTime.ToLocal(new DateTimeOffset(plan.ApprovedAt!.Value, TimeSpan.Zero)):dd/MM/yyyy}"
              + (plan.Revision > 1 ? $", sửa đổi, bổ sung lần {plan.Revision - 1})" : ")")
            : $"(Dự thảo — {FilePlanCodes.NameOf(plan.Status).ToLowerInvariant()})";
        var local = VietnamTime.ToLocal(new DateTimeOffset(now, TimeSpan.Zero));
        return new PrintedReport($"Danh mục hồ sơ năm {plan.Year}", agencyName, Landscape: false, printedBy, null,
        [
            new ReportLetterhead(agencyName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),
            new ReportParagraph($"DANH MỤC HỒ SƠ CỦA {agencyName.ToUpper(CultureInfo.GetCultureInfo("vi-VN"))}", TextStyle.Title),
            new ReportParagraph($"Năm {plan.Year}", TextStyle.Title),
            new ReportParagraph(status, TextStyle.Centered),
            new ReportTable(Columns, ReportRows.From(rows)),
            new ReportParagraph($"Bản danh mục hồ sơ này có {plan.Entries.Count} hồ sơ, bao gồm: {permanent} hồ sơ có thời hạn bảo quản vĩnh viễn; "
                + $"{plan.Entries.Count - permanent} hồ sơ có thời hạn bảo quản có thời hạn.", TextStyle.Italic),
        ], string.Create(CultureInfo.InvariantCulture, $"danh-muc-ho-so-{plan.Year}-{local:yyyyMMdd-HHmm}"));
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/file-plans/{id:guid}/export", async Task<FileStreamHttpResult> (Guid id, string? format, ExportFilePlan handler, CancellationToken ct) =>
            {
                var file = await handler.HandleAsync(id, format, ct);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .RequireAuthorization(Policies.For(DossiersPermissions.ViewFilePlans))
            .Produces(StatusCodes.Status200OK, contentType: ReportFile.XlsxContentType, additionalContentTypes: [ReportFile.PdfContentType, ReportFile.DocxContentType])
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ExportFilePlan")
            .WithSummary("Xuất danh mục hồ sơ theo mẫu Phụ lục V (.xlsx, .docx hoặc PDF).");
}
