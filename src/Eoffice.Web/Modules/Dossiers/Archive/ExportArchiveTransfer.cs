using System.Globalization;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Reporting;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Time;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Dossiers.Archive;

/// <summary>
/// The outputs of a transfer (REQUIREMENTS §1.9.4), each one <see cref="PrintedReport"/> rendered as .xlsx, .docx or PDF by
/// the shared writers: <c>dossier-list</c> — Mục lục hồ sơ, tài liệu nộp lưu (STT | Số, ký hiệu hồ sơ | Tiêu đề | Thời
/// gian tài liệu | Thời hạn bảo quản | Số tờ/Số trang | Ghi chú); <c>document-list</c> — Mục lục văn bản trong hồ sơ
/// (STT | Số, ký hiệu | Ngày tháng | Tên loại và trích yếu | Tác giả | Tờ số/Trang số | Ghi chú), each dossier a heading
/// row; <c>receipt</c> — Biên bản giao nhận with the totals of dossiers, documents and files. Audited
/// <c>dossiers.transfer.export</c>. <c>GET /api/v1/dossiers/transfers/{id}/outputs/{output}?format=xlsx|docx|pdf</c>.
/// </summary>
public sealed class ExportArchiveTransfer(ArchiveTransferStore store, ICurrentUser currentUser, IReportPdfRenderer pdf)
{
    public const string DossierList = "dossier-list";
    public const string DocumentList = "document-list";
    public const string Receipt = "receipt";
    private const string Motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc";
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static readonly IReadOnlyList<ReportColumn> DossierColumns =
    [
        new("STT", 5, Numeric: true, Centered: true),
        new("Số, ký hiệu hồ sơ", 14, NoWrap: true),
        new("Tiêu đề hồ sơ", 40),
        new("Thời gian tài liệu", 16, Centered: true),
        new("Thời hạn bảo quản", 10, Centered: true),
        new("Số tờ/Số trang", 8, Centered: true),
        new("Ghi chú", 12),
    ];

    public static readonly IReadOnlyList<ReportColumn> DocumentColumns =
    [
        new("STT", 5, Centered: true),
        new("Số, ký hiệu", 16, NoWrap: true),
        new("Ngày tháng", 10, Centered: true),
        new("Tên loại và trích yếu", 40),
        new("Tác giả", 20),
        new("Tờ số/Trang số", 8, Centered: true),
        new("Ghi chú", 10),
    ];

    public static readonly IReadOnlyList<ReportColumn> ReceiptColumns = [new("Nội dung", 50), new("Số lượng", 30)];

    public async Task<ReportFile> HandleAsync(Guid id, string output, string? format, CancellationToken cancellationToken)
    {
        var kind = ReportFile.ParseFormat(format) ?? throw RuleException.Invalid(ReportFile.FormatMessage, "format");
        if (output is not (DossierList or DocumentList or Receipt))
        {
            throw RuleException.NotFound("Không có biểu mẫu này (dossier-list, document-list, receipt).");
        }

        var keeper = await store.Dossiers.ArchiveKeeperAsync(cancellationToken);
        var transfer = await store.LoadAsync(keeper, id, cancellationToken, tracking: false);
        var contents = await store.ContentsAsync(transfer, cancellationToken);
        var report = Build(contents, output, PrintedByMark.Of(currentUser.FullName ?? currentUser.UserName, store.Dossiers.Now), store.Dossiers.Now);
        var file = await ReportFile.RenderAsync(report, kind, report.Title, pdf, cancellationToken);
        await store.CommitAsync(transfer, "export", $"Xuất {report.Title.ToLower(Vietnamese)} ({kind.ToString().ToLowerInvariant()}, {contents.Dossiers.Count} hồ sơ).",
            cancellationToken);
        return file;
    }

    public static PrintedReport Build(TransferContents c, string output, string printedBy, DateTime now)
    {
        var local = VietnamTime.ToLocal(new DateTimeOffset(now, TimeSpan.Zero));
        var agency = c.AgencyName.ToUpper(Vietnamese);
        var head = new ReportLetterhead(agency, Motto);
        var stamp = string.Create(CultureInfo.InvariantCulture, $"{local:yyyyMMdd-HHmm}");
        switch (output)
        {
            case DossierList:
                var rows = c.Dossiers.Select(d => (IReadOnlyList<string>)
                [
                    d.Ordinal.ToString(CultureInfo.InvariantCulture), d.Dossier.Notation, d.Dossier.Title, Span(d.Dossier.StartDate, d.Dossier.EndDate),
                    d.Dossier.Retention.Text, d.Dossier.PageTotal?.ToString(CultureInfo.InvariantCulture) ?? "", $"{d.Documents.Count} văn bản",
                ]);
                return new PrintedReport("Mục lục hồ sơ nộp lưu", c.AgencyName, Landscape: true, printedBy, null,
                [
                    head,
                    new ReportParagraph("MỤC LỤC HỒ SƠ, TÀI LIỆU NỘP LƯU", TextStyle.Title),
                    new ReportParagraph($"Đơn vị nộp lưu: {c.UnitName}", TextStyle.Centered),
                    new ReportTable(DossierColumns, ReportRows.From(rows)),
                    new ReportParagraph($"Mục lục này gồm {c.Dossiers.Count} hồ sơ, {c.DocumentCount} văn bản.", TextStyle.Italic),
                ], $"muc-luc-ho-so-nop-luu-{stamp}");
            case DocumentList:
                var lines = new List<IReadOnlyList<string>>();
                foreach (var d in c.Dossiers)
                {
                    lines.Add(["", "", "", $"Hồ sơ {d.Dossier.Notation}: {d.Dossier.Title}", "", "", ""]);
                    lines.AddRange(d.Documents.Select(x => (IReadOnlyList<string>)
                    [
                        x.Ordinal.ToString(CultureInfo.InvariantCulture), x.Item.Code ?? "", VietnamTime.FormatDate(x.Item.Date),
                        string.Join(" ", new[] { x.Record?.TypeName, x.Item.Title }.Where(s => !string.IsNullOrEmpty(s))), x.Record?.OrganName ?? "",
                        x.Record?.PageAmount?.ToString(CultureInfo.InvariantCulture) ?? "", x.Record is null ? "Không còn văn bản" : $"{x.Record.Files.Count} tệp",
                    ]));
                }

                return new PrintedReport("Mục lục văn bản trong hồ sơ", c.AgencyName, Landscape: true, printedBy, null,
                [
                    head,
                    new ReportParagraph("MỤC LỤC VĂN BẢN TRONG HỒ SƠ", TextStyle.Title),
                    new ReportParagraph($"Đơn vị nộp lưu: {c.UnitName}", TextStyle.Centered),
                    new ReportTable(DocumentColumns, ReportRows.From(lines)),
                ], $"muc-luc-van-ban-{stamp}");
            default:
                var (from, to) = c.Span;
                IReadOnlyList<IReadOnlyList<string>> totals =
                [
                    ["Tên khối tài liệu giao nộp", $"Hồ sơ, tài liệu của {c.UnitName}"],
                    ["Thời gian của tài liệu", Span(from, to)],
                    ["Tổng số hồ sơ", c.Dossiers.Count.ToString(CultureInfo.InvariantCulture)],
                    ["Tổng số văn bản", c.DocumentCount.ToString(CultureInfo.InvariantCulture)],
                    ["Tổng số tệp (tài liệu điện tử)", c.FileCount.ToString(CultureInfo.InvariantCulture)],
                    ["Dung lượng", $"{c.Bytes.ToString("N0", Vietnamese)} byte"],
                    ["Công cụ tra cứu kèm theo", "Mục lục hồ sơ nộp lưu; Mục lục văn bản trong hồ sơ"],
                ];
                return new PrintedReport("Biên bản giao nhận tài liệu", c.AgencyName, Landscape: false, printedBy, null,
                [
                    head,
                    new ReportParagraph("BIÊN BẢN GIAO NHẬN TÀI LIỆU", TextStyle.Title),
                    new ReportParagraph($"Hôm nay, ngày {local:dd/MM/yyyy}, tại {c.AgencyName}, chúng tôi gồm:"),
                    new ReportParagraph($"Bên giao: {c.Taken.DeliveredByName}, {c.UnitName}."),
                    new ReportParagraph($"Bên nhận: {c.Taken.CreatedByName}, lưu trữ cơ quan."),
                    new ReportParagraph("Thống nhất lập biên bản giao nhận tài liệu với nội dung như sau:"),
                    new ReportTable(ReceiptColumns, ReportRows.From(totals)),
                    new ReportParagraph("Biên bản này được lập thành hai bản; bên giao giữ một bản, bên nhận giữ một bản.", TextStyle.Italic),
                    new ReportParagraph("ĐẠI DIỆN BÊN GIAO                                        ĐẠI DIỆN BÊN NHẬN", TextStyle.Bold),
                ], $"bien-ban-giao-nhan-{stamp}");
        }
    }

    private static string Span(DateOnly? from, DateOnly? to) =>
        from is null ? "" : to is null || to == from ? VietnamTime.FormatDate(from.Value) : $"{VietnamTime.FormatDate(from.Value)} – {VietnamTime.FormatDate(to.Value)}";

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/transfers/{id:guid}/outputs/{output}", async Task<FileStreamHttpResult> (Guid id, string output, string? format, ExportArchiveTransfer handler,
                CancellationToken ct) =>
            {
                var file = await handler.HandleAsync(id, output, format, ct);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .Produces(StatusCodes.Status200OK, contentType: ReportFile.XlsxContentType, additionalContentTypes: [ReportFile.PdfContentType, ReportFile.DocxContentType])
            .AsArchiveAction("ExportArchiveTransfer", "Mục lục hồ sơ nộp lưu, mục lục văn bản trong hồ sơ, biên bản giao nhận (.xlsx, .docx, PDF).");
}
