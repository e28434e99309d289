using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Pages.Documents.Shared;

namespace Eoffice.Web.Pages.Documents.Incoming.Actions;

/// <summary>An action page of an incoming document (<see cref="DocumentActionPage"/>): the document and the viewer as the incoming rules see them.</summary>
public abstract class IncomingActionPage(IncomingAccessControl access) : DocumentActionPage
{
    public IncomingDocument Document { get; private set; } = null!;

    public IncomingViewer Viewer { get; private set; } = null!;

    public override string DocumentUrl => $"/van-ban-den/{Id}";

    public override DocumentHeaderView Header => new("/van-ban-den", "Văn bản đến", DocumentUrl, $"Số đến {Document.ArrivalNumber}/{Document.Year}",
        DocumentMetadata.CodeAndOrgan(Document.CodeText, Document.Metadata.IssuingOrganName), Document.Metadata.Subject, Document.Metadata.Urgency);

    /// <summary>Which of the parts the viewer holds this action may be taken on (the picker offers only those).</summary>
    public virtual bool Pickable(IncomingAssignment assignment) => true;

    protected sealed override async Task LoadDocumentAsync(CancellationToken cancellationToken)
    {
        Viewer = await access.ViewerAsync(cancellationToken);
        Document = await access.LoadAsync(Id, cancellationToken);
    }
}
