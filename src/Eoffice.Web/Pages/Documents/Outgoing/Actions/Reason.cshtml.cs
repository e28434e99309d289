using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Documents.Outgoing.Actions;

/// <summary>
/// The actions that take only a reason: rút lại (recall one's submission before the next person acts, /rut-lai), hủy
/// (cancel a draft, /huy) and thu hồi (the clerk recalls an issued document, /thu-hoi, reason required).
/// </summary>
[RequirePermission(DocumentsPermissions.DraftOutgoing)]
public sealed class ReasonModel(OutgoingAccessControl access, OutgoingReview review, WithdrawOutgoing withdraw) : OutgoingActionPage(access)
{
    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = "";

    /// <summary>The reason of a recall or a cancellation.</summary>
    [BindProperty]
    public OutgoingReview.RecallRequest Input { get; set; } = new(null);

    /// <summary>The reason of a withdrawal.</summary>
    [BindProperty]
    public WithdrawOutgoing.WithdrawRequest Withdraw { get; set; } = new(null);

    public bool IsWithdrawal => Kind == "thu-hoi";

    public (string Title, string Label, string Button, string Note) Texts => Kind switch
    {
        "rut-lai" => ("Rút lại văn bản đã trình", "Lý do rút lại", "Rút lại", "Chỉ rút lại được khi người nhận chưa xử lý; dự thảo trở về với bạn."),
        "huy" => ("Hủy dự thảo", "Lý do hủy", "Hủy dự thảo", "Dự thảo đã hủy được giữ lại cùng lịch sử, không trình tiếp được."),
        _ => ("Thu hồi văn bản", "Lý do thu hồi", "Thu hồi", "Văn bản bị thu hồi được giữ nguyên cùng thông tin; nơi nhận được thông báo."),
    };

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        switch (Kind)
        {
            case "rut-lai":
                await review.RecallAsync(Id, Input, cancellationToken);
                return Done("Đã rút lại văn bản.");
            case "huy":
                await review.CancelAsync(Id, Input, cancellationToken);
                return Done("Đã hủy dự thảo.");
            default:
                await withdraw.WithdrawAsync(Id, Withdraw, cancellationToken);
                return Done("Đã thu hồi văn bản.");
        }
    }
}
