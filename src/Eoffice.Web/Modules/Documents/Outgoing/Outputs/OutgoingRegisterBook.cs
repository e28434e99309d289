using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Outputs;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Reporting;
using Eoffice.Web.Platform.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Outgoing.Outputs;

/// <summary>
/// Sổ đăng ký văn bản đi (Decree 30 Phụ lục IV; REQUIREMENTS §1.5.1, printable for binding, Art. 16.2.b) of one outgoing
/// register for a period of document dates, with its cover page: the ten columns in order, one line per issued or
/// recalled document in number order within each year and series; recalls, replacements and corrections in "Ghi chú".
/// Print view /van-ban-di/so-va-bao-cao/so-dang-ky, file
/// <c>GET /api/v1/documents/outgoing-registers/{registerId}/book?from=&amp;to=&amp;format=xlsx|pdf</c>. The register's
/// keepers and agency-wide reporters read it whole, a unit leader the lines of their unit's drafts
/// (<see cref="OutgoingReportScope"/>); for anyone else the register does not exist.
/// </summary>
public sealed class OutgoingRegisterBook(EofficeDbContext db, OutgoingReportScope scope, PrintMarks marks)
{
    public const string Title = "Sổ đăng ký văn bản đi";
    public const string SheetName = "Sổ đăng ký";

    public static readonly IReadOnlyList<ReportColumn> Columns =
    [
        new("Số, ký hiệu văn bản", 11, NoWrap: true),
        new("Ngày tháng văn bản", 7, Centered: true, NoWrap: true),
        new("Tên loại và trích yếu", 24),
        new("Người ký", 10),
        new("Nơi nhận", 15),
        new("Đơn vị, người nhận bản lưu", 11),
        new("Số lượng bản", 5, Numeric: true),
        new("Ngày chuyển", 7, Centered: true, NoWrap: true),
        new("Ký nhận", 6),
        new("Ghi chú", 11),
    ];

    /// <summary>One line of the book as read from the database, with its recipients (when each was sent the document).</summary>
    public sealed record Row(
        string? CodeNumber,
        string? CodeNotation,
        DateOnly? IssuedDate,
        string TypeName,
        string Subject,
        string? SignerPosition,
        string? SignerFullName,
        string? SignedByName,
        List<string> RecipientLines,
        List<string> Addressees,
        string DraftingUnitName,
        string DrafterName,
        int Copies,
        int? PaperCopies,
        DateOnly? PaperIssuedOn,
        OutgoingStatus Status,
        DateTime? WithdrawnAt,
        string? WithdrawReason,
        string? Description,
        string? Replaces,
        string? Corrects,
        string? ReplacedBy,
        string? CorrectedBy,
        List<Sending> Recipients);

    public sealed record Sending(string Name, DateTime? SentAt);

    /// <summary>What the audit entries of an outgoing register's outputs name: the register.</summary>
    public static OutputSubject Subject(Guid registerId) => new(OutputAudit.Outgoing, "register", registerId);

    /// <summary>Authorises and describes the book; rows are read from the database as the report is written.</summary>
    public async Task<PrintedReport> BuildAsync(Guid registerId, BookPeriod period, CancellationToken cancellationToken)
    {
        var (register, units) = await scope.RegisterAsync(registerId, cancellationToken);
        var (from, to) = period.Resolve(marks.Today);
        var agency = await marks.AgencyNameAsync(register.AgencyId, cancellationToken);
        var lines = new List<string>
        {
            $"Sổ: {register.Name}{(register.Code is null ? "" : $" ({register.Code})")}",
            OutputText.Years(from, to),
            OutputText.Period(from, to),
        };
        if (units is not null)
        {
            lines.Insert(0, "Những văn bản do đơn vị thuộc phạm vi của người in soạn thảo");
        }

        return new PrintedReport(
            $"{Title} - {register.Name}",
            agency,
            Landscape: true,
            marks.PrintedBy(),
            new ReportCover(agency, Title, lines),
            [new ReportTable(Columns, Lines(RowsAsync(register.Id, units, from, to)))],
            $"so-dang-ky-van-ban-di-{from:yyyyMMdd}-{to:yyyyMMdd}");
    }

    /// <summary>
    /// The issued and recalled documents of a register dated from/to, in the order of their numbers (year, series,
    /// number), streamed; only those drafted by <paramref name="units"/> when given.
    /// </summary>
    public IAsyncEnumerable<Row> RowsAsync(Guid registerId, IReadOnlySet<Guid>? units, DateOnly from, DateOnly to)
    {
        var documents = db.Set<OutgoingDocument>().AsNoTracking()
            .Where(d => d.RegisterId == registerId && (d.Status == OutgoingStatus.Issued || d.Status == OutgoingStatus.Recalled) && d.Number != null
                && d.Metadata.IssuedDate >= from && d.Metadata.IssuedDate <= to);
        if (units is not null)
        {
            var unitIds = units.ToList();
            documents = documents.Where(d => unitIds.Contains(d.DraftingUnitId));
        }

        var issued = db.Set<OutgoingDocument>().Where(o => o.Number != null);
        return documents
            .OrderBy(d => d.Year).ThenBy(d => d.Series).ThenBy(d => d.Number)
            .Select(d => new Row(
                d.Metadata.CodeNumber, d.Metadata.CodeNotation, d.Metadata.IssuedDate, d.Metadata.TypeName, d.Metadata.Subject,
                d.Metadata.SignerPosition, d.Metadata.SignerFullName, d.SignedByName, d.RecipientLines, d.Addressees, d.DraftingUnitName, d.DrafterName,
                d.Copies, d.PaperCopies, d.PaperIssuedOn, d.Status, d.WithdrawnAt, d.WithdrawReason, d.Metadata.Description,
                issued.Where(o => o.Id == d.ReplacesId).Select(o => o.Metadata.CodeNumber + "/" + o.Metadata.CodeNotation).FirstOrDefault(),
                issued.Where(o => o.Id == d.CorrectsId).Select(o => o.Metadata.CodeNumber + "/" + o.Metadata.CodeNotation).FirstOrDefault(),
                issued.Where(o => o.Id == d.ReplacedById).Select(o => o.Metadata.CodeNumber + "/" + o.Metadata.CodeNotation).FirstOrDefault(),
                issued.Where(o => o.CorrectsId == d.Id).OrderBy(o => o.IssuedAt).Select(o => o.Metadata.CodeNumber + "/" + o.Metadata.CodeNotation).FirstOrDefault(),
                d.Recipients.OrderBy(r => r.SortOrder).Select(r => new Sending(r.Name, r.SentAt)).ToList()))
            .AsAsyncEnumerable();
    }

    /// <summary>
    /// "Nơi nhận": the printed lines without "Lưu: …" (nor their "- " and closing ";" or "."), "Như trên" standing for the
    /// "Kính gửi" addressees; the recipients when the document printed none.
    /// </summary>
    public static string Places(IReadOnlyList<string> recipientLines, IReadOnlyList<string> addressees, IEnumerable<string> recipients)
    {
        var lines = Clean(recipientLines)
            .Where(l => !l.StartsWith("Lưu", StringComparison.OrdinalIgnoreCase) && !l.StartsWith("Nơi nhận", StringComparison.OrdinalIgnoreCase))
            .SelectMany(l => l.Equals("Như trên", StringComparison.OrdinalIgnoreCase) && addressees.Count > 0 ? Clean(addressees) : [l])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return string.Join("\n", lines.Count > 0 ? lines : recipients);

        static IEnumerable<string> Clean(IEnumerable<string> lines) =>
            lines.Select(l => l.Trim().TrimStart('-', '+', ' ').TrimEnd(';', '.', ',', ':', ' ').Trim())
                .Select(l => l.StartsWith("Kính gửi", StringComparison.OrdinalIgnoreCase) ? l["Kính gửi".Length..].TrimStart(':', ' ') : l)
                .Where(l => l.Length > 0);
    }

    /// <summary>"Ghi chú": a recall with its date and reason, the replacement and correction links, the document's note.</summary>
    public static string Note(Row row)
    {
        var notes = new List<string>();
        if (row.Status == OutgoingStatus.Recalled)
        {
            notes.Add($"Đã thu hồi ngày {OutputText.Date(row.WithdrawnAt)}: {row.WithdrawReason}");
        }

        if (row.ReplacedBy is not null)
        {
            notes.Add($"Được thay thế bởi văn bản số {row.ReplacedBy}");
        }

        if (row.Replaces is not null)
        {
            notes.Add($"Thay thế văn bản số {row.Replaces}");
        }

        if (row.Corrects is not null)
        {
            notes.Add($"Đính chính văn bản số {row.Corrects}");
        }

        if (row.CorrectedBy is not null)
        {
            notes.Add($"Được đính chính bởi văn bản số {row.CorrectedBy}");
        }

        if (!string.IsNullOrWhiteSpace(row.Description))
        {
            notes.Add(row.Description);
        }

        return string.Join("; ", notes);
    }

    /// <summary>"Số lượng bản": the copies issued, and the paper copies stamped when they differ.</summary>
    public static string CopiesText(int copies, int? paperCopies) => paperCopies switch
    {
        null => OutputText.Number(copies),
        { } p when p == copies || copies == 0 => OutputText.Number(p),
        { } p => $"{OutputText.Number(copies)}\n(bản giấy: {OutputText.Number(p)})",
    };

    /// <summary>"Ngày chuyển": the first day the document was sent to a recipient or stamped on paper.</summary>
    public static DateOnly? SentOn(IEnumerable<DateTime?> sentAt, DateOnly? paperIssuedOn)
    {
        var days = sentAt.OfType<DateTime>().Select(s => VietnamTime.DateOf(new DateTimeOffset(DateTime.SpecifyKind(s, DateTimeKind.Utc))))
            .Append(paperIssuedOn ?? DateOnly.MaxValue).ToList();
        var first = days.Min();
        return first == DateOnly.MaxValue ? null : first;
    }

    private static async IAsyncEnumerable<IReadOnlyList<string>> Lines(IAsyncEnumerable<Row> rows)
    {
        await foreach (var r in rows)
        {
            yield return
            [
                OutputText.CodeText(r.CodeNumber, r.CodeNotation),
                OutputText.Date(r.IssuedDate),
                $"{r.TypeName}: {r.Subject}",
                string.Join("\n", new[] { r.SignerPosition, r.SignedByName ?? r.SignerFullName }.Where(s => !string.IsNullOrWhiteSpace(s))),
                Places(r.RecipientLines, r.Addressees, r.Recipients.Select(s => s.Name)),
                $"{r.DraftingUnitName}\n{r.DrafterName}",
                CopiesText(r.Copies, r.PaperCopies),
                OutputText.Date(SentOn(r.Recipients.Select(s => s.SentAt), r.PaperIssuedOn)),
                "",
                Note(r),
            ];
        }
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/outgoing-registers/{registerId:guid}/book",
                async Task<FileStreamHttpResult> (Guid registerId, [AsParameters] ExportQuery query, OutgoingRegisterBook handler, ReportFiles files,
                    CancellationToken ct) =>
                {
                    var report = await handler.BuildAsync(registerId, query.Period(), ct);
                    return await files.DownloadAsync(report, query.FileFormat(), SheetName, Subject(registerId), ct);
                })
            .AsReportExport(DocumentsPermissions.ReportOutgoing)
            .WithName("ExportOutgoingRegisterBook")
            .WithSummary("Xuất Sổ đăng ký văn bản đi của một sổ trong khoảng ngày văn bản (.xlsx hoặc PDF khổ A4 ngang).");
}
