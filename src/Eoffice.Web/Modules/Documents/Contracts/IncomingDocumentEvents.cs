namespace Eoffice.Web.Modules.Documents.Contracts;

/// <summary>
/// What happens to incoming documents, published for other modules through the outbox in the same transaction as the
/// change: each carries a <c>Kernel.Handling.TimelineEvent</c> (the document's id as owner, the actor, the assignments
/// concerned, the entry's text). Subscribe with <c>AddOutboxSubscriber&lt;TimelineEvent, THandler&gt;(names)</c>; in-app
/// notifications are one subscriber, search indexing, statistics, exchange status and dossier filing are to be others.
/// </summary>
public static class IncomingDocumentEvents
{
    public const string Prefix = "documents.incoming";

    public const string Registered = Prefix + ".registered";
    public const string Edited = Prefix + ".edited";
    public const string Cancelled = Prefix + ".cancelled";
    public const string ReplyStarted = Prefix + ".reply";
    public const string Presented = Prefix + ".presented";
    public const string Forwarded = Prefix + ".forwarded";
    public const string Returned = Prefix + ".returned";
    public const string Opinion = Prefix + ".opinion";
    public const string Feedback = Prefix + ".feedback";
    public const string Finished = Prefix + ".finished";
    public const string Closed = Prefix + ".closed";
    public const string Revoked = Prefix + ".revoked";
    public const string Granted = Prefix + ".granted";
    public const string HandedOver = Prefix + ".handover";
    public const string ResultConfirmed = Prefix + ".confirmed";
    public const string ReworkRequested = Prefix + ".rework";
    public const string ReceivedByUnit = Prefix + ".received";

    public static IReadOnlyList<string> All { get; } =
        [
            Registered, Edited, Cancelled, ReplyStarted, Presented, Forwarded, Returned, Opinion, Feedback, Finished, Closed, Revoked, Granted, HandedOver,
            ResultConfirmed, ReworkRequested, ReceivedByUnit,
        ];
}
