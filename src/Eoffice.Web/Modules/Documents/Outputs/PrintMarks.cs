using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Reporting;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Time;

namespace Eoffice.Web.Modules.Documents.Outputs;

/// <summary>
/// The audit actions of one area's outputs: <see cref="PrintAction"/> when a print view is opened,
/// <see cref="ExportAction"/> when a file (PDF, .xlsx) is made.
/// </summary>
public sealed record OutputAudit(string PrintAction, string ExportAction)
{
    public static readonly OutputAudit Incoming = new("documents.incoming.print", "documents.incoming.export");

    public static readonly OutputAudit Outgoing = new("documents.outgoing.print", "documents.outgoing.export");

    public string Action(bool export) => export ? ExportAction : PrintAction;
}

/// <summary>What an output is printed from, as its audit entry names it: a register, a document, a report.</summary>
public sealed record OutputSubject(OutputAudit Audit, string ObjectType, Guid ObjectId);

/// <summary>
/// What every print view and export carries and leaves behind (Decree 30 Phụ lục VI III.6.k, "đánh dấu bản in"): the mark
/// "In bởi &lt;họ tên&gt; lúc HH:mm ngày dd/MM/yyyy" on every page, and an audit entry (the print or export action of the
/// output's area, <see cref="OutputAudit"/>). Shared by the incoming and the outgoing documents' books and reports.
/// </summary>
public sealed class PrintMarks(ICurrentUser currentUser, TimeProvider time, IOrganizationDirectory organization, IAuditLog audit)
{
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => VietnamTime.DateOf(time.GetUtcNow());

    public string PrintedBy() => PrintedByMark.Of(currentUser.FullName ?? currentUser.UserName, time.GetUtcNow());

    public async Task<string> AgencyNameAsync(Guid agencyId, CancellationToken cancellationToken) =>
        (await organization.FindAgencyAsync(agencyId, cancellationToken))?.FullName ?? "";

    public Task RecordAsync(OutputSubject subject, bool export, string details, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEvent(subject.Audit.Action(export), subject.ObjectType, subject.ObjectId.ToString(), Details: details), cancellationToken);

    /// <summary>
    /// Records a report printed (<paramref name="format"/> <c>null</c>: its print view) or exported as a file of
    /// <paramref name="format"/>, with its title and the period on its cover.
    /// </summary>
    public Task RecordAsync(OutputSubject subject, PrintedReport report, string? format, CancellationToken cancellationToken) =>
        RecordAsync(subject, format is not null,
            report.Title + (format is null ? "" : $" ({format})") + (report.Cover is { Lines.Count: > 0 } c ? ", " + c.Lines[^1] : ""), cancellationToken);
}
