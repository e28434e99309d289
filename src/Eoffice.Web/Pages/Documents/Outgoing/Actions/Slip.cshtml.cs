using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Outputs;
using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Pages.Documents.Shared;
using Eoffice.Web.Platform.Reporting;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Outgoing.Actions;

/// <summary>Phiếu trình: the draft's identity and its chain so far with each step's opinion, as a print view. Anyone who may not see it: 404.</summary>
[RequirePermission(DocumentsPermissions.DraftOutgoing)]
public sealed class SlipModel(GetOutgoingDocument details, OutgoingAccessControl access, PrintMarks marks) : PrintViewModel(marks)
{
    public const string Title = "Phiếu trình giải quyết văn bản";

    public Guid Id { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        ViewData[BackUrlKey] = OutgoingHandling.Link(id);
        return ShowAsync(async () =>
        {
            var document = await details.HandleAsync(id, cancellationToken);
            var viewer = await access.ViewerAsync(cancellationToken);
            return ToReport(document, await Marks.AgencyNameAsync(viewer.AgencyId, cancellationToken), Marks.PrintedBy());
        }, new OutputSubject(OutputAudit.Outgoing, OutgoingHandling.AuditObjectType, id));
    }

    public static PrintedReport ToReport(GetOutgoingDocument.Response d, string agencyName, string printedBy)
    {
        string? Field(string label) => d.Fields.FirstOrDefault(f => f.Label == label)?.Value;
        var blocks = new List<ReportBlock>
        {
            new ReportLetterhead(agencyName, d.Code is null ? $"Dự thảo phiên bản {d.VersionNumber}" : $"Số: {d.Code}"),
            new ReportParagraph(Title.ToUpperInvariant(), TextStyle.Title),
            new ReportParagraph($"Loại văn bản: {d.TypeName}"),
            new ReportParagraph($"Trích yếu: {d.Subject}"),
            new ReportParagraph($"Đơn vị soạn thảo: {Field("Đơn vị soạn thảo")}; người soạn thảo: {Field("Người soạn thảo")}."),
            new ReportParagraph($"Người ký: {Field("Người ký") ?? "chưa chọn"}; quyền hạn ký: {Field("Quyền hạn ký")}; độ khẩn: {Field("Độ khẩn")}; tình trạng: {d.StatusName}."),
            new ReportParagraph("Quá trình trình duyệt", TextStyle.Heading),
            new ReportTable(
                [new("Bước", 22), new("Người xử lý", 22), new("Ý kiến", 38), new("Thời gian", 18, Centered: true)],
                ReportRows.From(d.Chain.Select(s => (IReadOnlyList<string>)[
                    $"{s.Number}. {s.Name} ({s.StateName})", s.ActedByName ?? s.HolderName ?? "", s.Result ?? s.Approval ?? "",
                    s.FinishedAt is { } at ? OutputText.Moment(at) : s.SentAt is { } sent ? OutputText.Moment(sent) : ""]))),
        };
        var opinions = d.Timeline.Where(e => !string.IsNullOrEmpty(e.Text)).ToList();
        blocks.Add(new ReportParagraph("Ý kiến", TextStyle.Heading));
        if (opinions.Count == 0)
        {
            blocks.Add(new ReportParagraph("Chưa có ý kiến."));
        }

        foreach (var e in opinions)
        {
            blocks.Add(new ReportParagraph($"{OutputText.Moment(e.At)}, {e.ActorName}{(e.OnBehalfOfName is null ? "" : $" (thay {e.OnBehalfOfName})")} — {e.KindName}:", TextStyle.Bold));
            blocks.Add(new ReportParagraph(e.Text!, TextStyle.Italic));
        }

        return new PrintedReport(Title, agencyName, Landscape: false, printedBy, null, blocks, $"phieu-trinh-{d.Id:N}");
    }
}
