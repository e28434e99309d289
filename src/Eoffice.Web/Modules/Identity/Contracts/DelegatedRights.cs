namespace Eoffice.Web.Modules.Identity.Contracts;

/// <summary>
/// Which of a person's rights a delegation (ủy quyền) hands over. Modules ask <see cref="IDelegations"/> with the one
/// right their action needs: directing an incoming document needs <see cref="HandleIncoming"/>, approving a draft
/// <see cref="ApproveDrafts"/>, signing <see cref="Sign"/>.
/// </summary>
[Flags]
public enum DelegatedRights
{
    None = 0,

    /// <summary>Directing and handling incoming documents (bút phê, phân công xử lý).</summary>
    HandleIncoming = 1,

    /// <summary>Approving drafts of outgoing documents (duyệt dự thảo).</summary>
    ApproveDrafts = 2,

    /// <summary>Signing documents (ký văn bản).</summary>
    Sign = 4,

    All = HandleIncoming | ApproveDrafts | Sign,
}
