using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Security;

namespace Eoffice.Web.Modules.Documents;

/// <summary>
/// Rights over documents. A permission opens a page or an endpoint; which document a person may see or act on is decided
/// per document (participants, the register's keepers, leaders of the units involved, delegates, explicit grants).
/// </summary>
public sealed class DocumentsPermissions : IPermissionProvider
{
    /// <summary>Open the incoming-document lists and the documents one has a reason to see.</summary>
    public const string ViewIncoming = "documents.incoming.view";

    /// <summary>Văn thư: register, edit, cancel, present incoming documents; the "chờ tiếp nhận" list.</summary>
    public const string RegisterIncoming = "documents.incoming.register";

    /// <summary>Lãnh đạo cơ quan: give directions (bút phê) and assign any unit or person of the agency.</summary>
    public const string DirectIncoming = "documents.incoming.direct";

    /// <summary>Lãnh đạo đơn vị: assign within the unit(s) of the role's scope.</summary>
    public const string DistributeIncoming = "documents.incoming.distribute";

    /// <summary>Theo dõi: follow what the units of the role's scope (agency-wide: the whole agency) are handling.</summary>
    public const string TrackIncoming = "documents.incoming.track";

    /// <summary>Print and export registers and reports of incoming documents.</summary>
    public const string ReportIncoming = "documents.incoming.report";

    /// <summary>Put documents received from another agency into the "chờ tiếp nhận" list (the exchange gateway).</summary>
    public const string ReceiveExchange = "documents.exchange.receive";

    /// <summary>Draft outgoing documents and open the outgoing lists (who may act on a draft is decided per draft).</summary>
    public const string DraftOutgoing = "documents.outgoing.draft";

    /// <summary>Văn thư: check the format of, number, register and issue outgoing documents of the registers one keeps.</summary>
    public const string IssueOutgoing = "documents.outgoing.issue";

    /// <summary>
    /// Print and export the outgoing register books and reports: the registers one keeps in full, the others as far as the
    /// role's scope reaches (agency-wide: everything; a unit leader: the drafts of their unit).
    /// </summary>
    public const string ReportOutgoing = "documents.outgoing.report";

    /// <summary>Manage registers, their keepers, and the agency's handling settings and routing rules.</summary>
    public const string ManageRegisters = "documents.registers.manage";

    /// <summary>
    /// Rights a person may delegate (ủy quyền) to a colleague for a few days; checked per item through
    /// <c>IDelegations</c>, not granted by roles.
    /// </summary>
    public static class Delegable
    {
        /// <summary>The delegate directs and assigns the delegator's incoming documents (bút phê, phân công) in their name.</summary>
        public const string HandleIncoming = "documents.incoming.handle";

        /// <summary>The delegate approves the drafts of outgoing documents waiting for the delegator.</summary>
        public const string ApproveOutgoing = "documents.outgoing.approve";
    }

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ViewIncoming, "Xem văn bản đến được giao hoặc được chia sẻ"),
        new(RegisterIncoming, "Tiếp nhận, vào sổ và trình văn bản đến"),
        new(DirectIncoming, "Cho ý kiến chỉ đạo, phân công xử lý văn bản đến trong cơ quan"),
        new(DistributeIncoming, "Phân công xử lý văn bản đến trong đơn vị"),
        new(TrackIncoming, "Theo dõi tình hình xử lý văn bản đến"),
        new(ReportIncoming, "In sổ, xuất báo cáo văn bản đến"),
        new(ReceiveExchange, "Nhận văn bản điện tử từ cơ quan khác vào danh sách chờ tiếp nhận"),
        new(DraftOutgoing, "Soạn thảo, trình duyệt văn bản đi"),
        new(IssueOutgoing, "Kiểm tra thể thức, cấp số, phát hành văn bản đi"),
        new(ReportOutgoing, "In sổ, xuất báo cáo văn bản đi"),
        new(ManageRegisters, "Quản lý sổ văn bản, cấu hình luồng xử lý văn bản đến"),
    ];

    public IEnumerable<DefaultRole> GetDefaultRoles() =>
    [
        new(DefaultRoles.Clerk, DefaultRoles.Names[DefaultRoles.Clerk], [ViewIncoming, RegisterIncoming, ReportIncoming, ReceiveExchange, DraftOutgoing, IssueOutgoing, ReportOutgoing]),
        new(DefaultRoles.AgencyLeader, DefaultRoles.Names[DefaultRoles.AgencyLeader], [ViewIncoming, DirectIncoming, TrackIncoming, ReportIncoming, DraftOutgoing, ReportOutgoing]),
        new(DefaultRoles.UnitLeader, DefaultRoles.Names[DefaultRoles.UnitLeader], [ViewIncoming, DistributeIncoming, TrackIncoming, ReportIncoming, DraftOutgoing, ReportOutgoing]),
        new(DefaultRoles.Specialist, DefaultRoles.Names[DefaultRoles.Specialist], [ViewIncoming, DraftOutgoing]),
        new(DefaultRoles.LegalReviewer, DefaultRoles.Names[DefaultRoles.LegalReviewer], [ViewIncoming, DraftOutgoing]),
        new(DefaultRoles.OneStopDesk, DefaultRoles.Names[DefaultRoles.OneStopDesk], [ViewIncoming]),
        new(DefaultRoles.Administrator, DefaultRoles.Names[DefaultRoles.Administrator], [ManageRegisters]),
    ];

    public IEnumerable<DelegableRight> GetDelegableRights() =>
    [
        new(Delegable.HandleIncoming, "Xử lý văn bản đến (bút phê, phân công)"),
        new(Delegable.ApproveOutgoing, "Duyệt dự thảo văn bản đi"),
    ];
}
