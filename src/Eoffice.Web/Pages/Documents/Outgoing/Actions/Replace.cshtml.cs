using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Platform.Security;

namespace Eoffice.Web.Pages.Documents.Outgoing.Actions;

/// <summary>Thay thế, đính chính: the choice of which, then the new-draft form starting from the issued document's content.</summary>
[RequirePermission(DocumentsPermissions.DraftOutgoing)]
public sealed class ReplaceModel(OutgoingAccessControl access) : OutgoingActionPage(access);
