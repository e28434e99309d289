namespace Eoffice.Web.Modules.Documents.Contracts;

/// <summary>
/// What happens to outgoing documents, published through the outbox in the same transaction as the change, each
/// carrying a <c>Kernel.Handling.TimelineEvent</c> (see <see cref="IncomingDocumentEvents"/> for how to subscribe).
/// </summary>
public static class OutgoingDocumentEvents
{
    public const string Prefix = "documents.outgoing";

    public const string Created = Prefix + ".created";
    public const string Revised = Prefix + ".revised";
    public const string Submitted = Prefix + ".submitted";
    public const string Approved = Prefix + ".approved";
    public const string Signed = Prefix + ".signed";
    public const string Returned = Prefix + ".returned";
    public const string Recalled = Prefix + ".revoked";
    public const string Consulted = Prefix + ".forwarded";
    public const string Feedback = Prefix + ".feedback";
    public const string Opinion = Prefix + ".opinion";
    public const string Finished = Prefix + ".finished";
    public const string Closed = Prefix + ".closed";
    public const string Issued = Prefix + ".issued";
    public const string Sent = Prefix + ".sent";
    public const string Withdrawn = Prefix + ".withdrawn";
    public const string Cancelled = Prefix + ".cancelled";
    public const string HandedOver = Prefix + ".handover";
    public const string Granted = Prefix + ".granted";

    public static IReadOnlyList<string> All { get; } =
        [Created, Revised, Submitted, Approved, Signed, Returned, Recalled, Consulted, Feedback, Opinion, Finished, Closed, Issued, Sent, Withdrawn, Cancelled,
            HandedOver, Granted];
}
