using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Outputs;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Reporting;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Incoming.Outputs;

/// <summary>
/// Phiếu giải quyết văn bản đến (Decree 30 Phụ lục IV) of one document, read from its assignment
/// tree and history: the header identifying the document; (1) the agency leader's direction — lead and supporting
/// units or people, each deadline, the date; (2) the unit leaders' assignments — person, deadline, date; (3) the
/// handlers' proposals and results with their dates. Print view /van-ban-den/{id}/phieu-giai-quyet and
/// <c>GET /api/v1/documents/incoming/{id}/handling-slip.pdf</c>; whoever may not see the document gets 404.
/// </summary>
public sealed class HandlingSlip(IncomingAccessControl access, EofficeDbContext db, PrintMarks marks)
{
    public const string Title = "Phiếu giải quyết văn bản đến";

    public sealed record Recipient(string Name, AssignmentRole Role, DateOnly? DueDate, AssignmentStatus Status);

    /// <summary>One instruction (bút phê): who gave it (and for whom, under a delegation), their words, when, to whom.</summary>
    public sealed record GivenInstruction(string Holder, string LeaderName, string? Instruction, DateTime At, IReadOnlyList<Recipient> Recipients);

    /// <summary>
    /// A transfer without an assignment of work: the clerk's presentation (<paramref name="Presented"/>, "trình"), a leader
    /// passing it to another leader ("chuyển").
    /// </summary>
    public sealed record Forward(string SenderName, string RecipientName, string? Note, DateTime At, bool Presented);

    public sealed record Handling(string HandlerName, string Kind, string Text, DateTime At);

    public sealed record Model(
        Guid Id,
        string AgencyName,
        string TypeName,
        string CodeText,
        DateOnly? IssuedDate,
        string IssuingOrganName,
        string Subject,
        int ArrivalNumber,
        int Year,
        DateTime ArrivalAt,
        Urgency Urgency,
        DateOnly? DueDate,
        IncomingStatus Status,
        IReadOnlyList<Forward> Forwards,
        IReadOnlyList<GivenInstruction> AgencyInstructions,
        IReadOnlyList<GivenInstruction> UnitInstructions,
        IReadOnlyList<Handling> Results,
        IReadOnlyList<string> Replies,
        string PrintedBy);

    /// <summary>Loads the slip of a document the viewer may see (404 otherwise) and records the print or export.</summary>
    public async Task<Model> LoadAsync(Guid documentId, bool export, CancellationToken cancellationToken)
    {
        var document = await access.LoadAsync(documentId, cancellationToken);
        var replies = await db.Set<IncomingReply>().AsNoTracking().Where(r => r.DocumentId == documentId).OrderBy(r => r.CreatedAt)
            .Select(r => new { r.OutgoingCode, r.Title, r.CreatedAt, r.CreatedByName }).ToListAsync(cancellationToken);
        var model = From(
            document,
            await marks.AgencyNameAsync(document.AgencyId, cancellationToken),
            replies.Select(r => r.OutgoingCode is null
                ? $"Dự thảo văn bản trả lời \"{r.Title}\" ({r.CreatedByName}, {OutputText.Date(r.CreatedAt)})"
                : $"Văn bản trả lời số {r.OutgoingCode}: {r.Title}").ToList(),
            marks.PrintedBy());
        await marks.RecordAsync(new OutputSubject(OutputAudit.Incoming, "incoming-document", document.Id), export,
            $"{Title} số đến {document.ArrivalNumber}/{document.Year}{(export ? " (PDF)" : "")}", cancellationToken);
        return model;
    }

    /// <summary>Reads the slip from the assignment tree: instructions are grouped per forward (holder and moment).</summary>
    public static Model From(IncomingDocument d, string agencyName, IReadOnlyList<string> replies, string printedBy)
    {
        var byId = d.Assignments.ToDictionary(a => a.Id);
        var live = d.Assignments.Where(a => a.Status is not AssignmentStatus.Revoked and not AssignmentStatus.Returned).ToList();

        var transfers = live.Where(a => a.Role == AssignmentRole.Direct).OrderBy(a => a.SentAt)
            .Select(a => new Forward(SenderOf(a), a.RecipientName, a.Instruction, a.SentAt, Presented: a.ParentId is null)).ToList();

        var agency = new List<GivenInstruction>();
        var unit = new List<GivenInstruction>();
        foreach (var forward in live.Where(a => a.Role != AssignmentRole.Direct && a.ParentId is not null)
                     .GroupBy(a => (Parent: a.ParentId!.Value, a.SentAt)).OrderBy(g => g.Key.SentAt))
        {
            var parent = byId[forward.Key.Parent];
            var first = forward.First();
            var given = new GivenInstruction(
                parent.RecipientName,
                SenderOf(first),
                first.Instruction ?? parent.InstructionGiven,
                forward.Key.SentAt,
                forward.OrderBy(a => a.Role).ThenBy(a => a.RecipientName, StringComparer.Ordinal)
                    .Select(a => new Recipient(a.RecipientName, a.Role, a.DueDate, a.Status)).ToList());
            (parent.Role == AssignmentRole.Direct ? agency : unit).Add(given);
        }

        var results = new List<Handling>();
        foreach (var e in d.Events.Where(e => e.Kind is HandlingEventKinds.Finished or HandlingEventKinds.Feedback or HandlingEventKinds.Opinion).OrderBy(e => e.At))
        {
            var assignment = e.AssignmentId is { } id && byId.TryGetValue(id, out var a) ? a : null;
            var text = e.Kind == HandlingEventKinds.Finished && assignment?.Result is { Length: > 0 } result ? result : e.Text ?? "";
            var who = e.OnBehalfOfName is null ? e.ActorName : $"{e.ActorName} (thay {e.OnBehalfOfName})";
            results.Add(new Handling(who, IncomingEventKinds.Name(e.Kind), text, e.At));
        }

        return new Model(d.Id, agencyName, d.Metadata.TypeName, d.CodeText, d.Metadata.IssuedDate, d.Metadata.IssuingOrganName, d.Metadata.Subject, d.ArrivalNumber, d.Year,
            d.ArrivalAt, d.Metadata.Urgency, d.Metadata.DueDate, d.Status, transfers, agency, unit, results, replies, printedBy);
    }

    public static PrintedReport ToReport(Model m)
    {
        var blocks = new List<ReportBlock>
        {
            new ReportLetterhead(m.AgencyName, $"Số đến: {m.ArrivalNumber}/{m.Year}\nĐến lúc: {OutputText.Moment(m.ArrivalAt)}"),
            new ReportParagraph(Title.ToUpperInvariant(), TextStyle.Title),
            new ReportParagraph($"Văn bản: {OutputText.Identification(m.TypeName, m.CodeText, m.IssuedDate, null)}"),
            new ReportParagraph($"Cơ quan ban hành: {m.IssuingOrganName}"),
            new ReportParagraph($"Trích yếu: {m.Subject}"),
            new ReportParagraph($"Số đến: {m.ArrivalNumber}; ngày đến: {OutputText.Date(m.ArrivalAt)}; độ khẩn: {UrgencyName(m.Urgency)}; "
                + $"thời hạn giải quyết: {(m.DueDate is { } due ? OutputText.Date(due) : "không")}; tình trạng: {IncomingNames.Name(m.Status)}."),
            new ReportParagraph("1. Ý kiến chỉ đạo của lãnh đạo cơ quan", TextStyle.Heading),
        };

        foreach (var t in m.Forwards)
        {
            blocks.Add(new ReportParagraph(
                $"{OutputText.Moment(t.At)}: {t.SenderName} {(t.Presented ? "trình" : "chuyển")} {t.RecipientName}{(t.Note is null ? "." : $": {t.Note}")}",
                TextStyle.Italic));
        }

        AddInstructions(blocks, m.AgencyInstructions, "Chưa có ý kiến chỉ đạo.", unitLevel: false);
        blocks.Add(new ReportParagraph("2. Ý kiến phân công của lãnh đạo đơn vị", TextStyle.Heading));
        AddInstructions(blocks, m.UnitInstructions, "Chưa có ý kiến phân công.", unitLevel: true);
        blocks.Add(new ReportParagraph("3. Ý kiến đề xuất, kết quả giải quyết của người xử lý", TextStyle.Heading));
        if (m.Results.Count == 0 && m.Replies.Count == 0)
        {
            blocks.Add(new ReportParagraph("Chưa có ý kiến đề xuất hoặc kết quả xử lý."));
        }
        else
        {
            var rows = m.Results.Select(r => (IReadOnlyList<string>)[r.HandlerName, r.Kind, r.Text, OutputText.Moment(r.At)])
                .Concat(m.Replies.Select(r => (IReadOnlyList<string>)["", "Trả lời", r, ""]));
            blocks.Add(new ReportTable(
                [new("Người xử lý", 22), new("Nội dung", 12), new("Ý kiến đề xuất, kết quả", 46), new("Thời gian", 16, Centered: true)],
                ReportRows.From(rows)));
        }

        return new PrintedReport($"{Title} số đến {m.ArrivalNumber}/{m.Year}", m.AgencyName, Landscape: false, m.PrintedBy, null, blocks,
            $"phieu-giai-quyet-so-den-{m.ArrivalNumber}-{m.Year}");
    }

    private static void AddInstructions(List<ReportBlock> blocks, IReadOnlyList<GivenInstruction> instructions, string none, bool unitLevel)
    {
        if (instructions.Count == 0)
        {
            blocks.Add(new ReportParagraph(none));
            return;
        }

        foreach (var d in instructions)
        {
            var who = unitLevel ? $"{d.LeaderName} ({d.Holder})" : d.LeaderName;
            blocks.Add(new ReportParagraph($"Ý kiến của {who}, {OutputText.Moment(d.At)}:", TextStyle.Bold));
            if (!string.IsNullOrWhiteSpace(d.Instruction))
            {
                blocks.Add(new ReportParagraph(d.Instruction, TextStyle.Italic));
            }

            blocks.Add(new ReportTable(
                [new(unitLevel ? "Người được giao" : "Đơn vị, người nhận", 40), new("Vai trò", 18), new("Thời hạn giải quyết", 20, Centered: true), new("Tình trạng", 22)],
                ReportRows.From(d.Recipients.Select(r => (IReadOnlyList<string>)[
                    r.Name, HandlingNames.Name(r.Role), r.DueDate is { } due ? OutputText.Date(due) : "", HandlingNames.Name(r.Status)]))));
        }
    }

    private static string SenderOf(Assignment a) => a.ActingSenderName is null ? a.SenderName : $"{a.ActingSenderName} (thay {a.SenderName})";

    private static string UrgencyName(Urgency urgency) => UrgencyNames.Name(urgency);

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/incoming/{id:guid}/handling-slip.pdf",
                async Task<FileContentHttpResult> (Guid id, HandlingSlip handler, IReportPdfRenderer pdf, CancellationToken ct) =>
                {
                    var report = ToReport(await handler.LoadAsync(id, export: true, ct));
                    using var buffer = new MemoryStream();
                    await pdf.RenderAsync(report, buffer, ct);
                    return TypedResults.File(buffer.ToArray(), ReportFiles.PdfContentType, report.FileName + ".pdf");
                })
            .RequireAuthorization(Policies.For(DocumentsPermissions.ViewIncoming))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetIncomingHandlingSlipPdf")
            .WithSummary("Phiếu giải quyết văn bản đến của một văn bản (PDF).");
}
