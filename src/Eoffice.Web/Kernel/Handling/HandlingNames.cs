namespace Eoffice.Web.Kernel.Handling;

/// <summary>The role of one assignment (phân công xử lý) in the handling of a record.</summary>
public enum AssignmentRole
{
    /// <summary>Trình / chuyển xử lý: to read, direct and route further (a clerk presents to a leader, a leader passes it to a deputy or to the chief of office).</summary>
    Direct = 0,

    /// <summary>Chủ trì, xử lý chính: responsible for the result.</summary>
    Lead = 1,

    /// <summary>Phối hợp: contributes to the lead.</summary>
    Support = 2,

    /// <summary>Nhận để biết: reads, then finishes.</summary>
    ForInformation = 3,
}

/// <summary>Where one assignment stands.</summary>
public enum AssignmentStatus
{
    /// <summary>Chờ xử lý: with its holder, not yet forwarded or finished.</summary>
    Open = 0,

    /// <summary>Đang xử lý: the holder has forwarded it and others are handling it.</summary>
    Forwarded = 1,

    /// <summary>Đã xử lý / hoàn thành.</summary>
    Done = 2,

    /// <summary>Trả lại: the holder returned it to the sender with a reason.</summary>
    Returned = 3,

    /// <summary>Thu hồi: the sender took it back.</summary>
    Revoked = 4,

    /// <summary>
    /// Chờ tiếp nhận: sent to a unit that keeps its own register and clerk; the unit's clerk receives it into that
    /// register before the unit's leaders handle it (regulation 000 Điều 5.2.a).
    /// </summary>
    AwaitingReceipt = 5,
}

/// <summary>Why an assignment came back to its holder after they had forwarded it: what it waits for from them.</summary>
public enum AssignmentAwaiting
{
    None = 0,

    /// <summary>Chờ xác nhận kết quả: the person they assigned has finished; the holder confirms the result or asks for rework.</summary>
    ResultConfirmation = 1,

    /// <summary>Đã có ý kiến góp ý: every recipient asked for comments has answered; the holder reads them and finishes.</summary>
    FeedbackReview = 2,
}

/// <summary>An agency's rules for how handling ends, applied by the tree when a part finishes.</summary>
/// <param name="UnitHeadsConfirmResults">
/// A unit's part (an assignment addressed to a unit) does not close when the person its leader assigned finishes: it
/// comes back to the unit's leaders to confirm the result (or ask for rework), and only then closes with the lines above it.
/// </param>
public sealed record HandlingRules(bool UnitHeadsConfirmResults)
{
    public static HandlingRules Default { get; } = new(false);
}

/// <summary>Why someone may see a handled record (one row of its access list).</summary>
public enum AccessReason
{
    /// <summary>Registered it, sent it, received it or acted on it.</summary>
    Participant = 0,

    /// <summary>A unit that received it (its leaders see it).</summary>
    RecipientUnit = 1,

    /// <summary>Explicitly shared with the person.</summary>
    Grant = 2,

    /// <summary>A register whose keepers (a unit's clerks) receive it for their unit; the principal is the register's id.</summary>
    Registry = 3,
}

/// <summary>Where the handling of a record as a whole stands, derived from its tree.</summary>
public enum HandlingProgress
{
    /// <summary>Nobody holds it (never sent, or everything sent was returned or taken back).</summary>
    NotStarted = 0,

    /// <summary>At least one assignment is active.</summary>
    InProgress = 1,

    /// <summary>Every lead, support and routing assignment ended, at least one of them done.</summary>
    Finished = 2,
}

/// <summary>Vietnamese and JSON names of the handling enums (the API speaks words, not numbers).</summary>
public static class HandlingNames
{
    public static string Name(AssignmentRole role) => role switch
    {
        AssignmentRole.Direct => "Xử lý, chỉ đạo",
        AssignmentRole.Lead => "Chủ trì",
        AssignmentRole.Support => "Phối hợp",
        AssignmentRole.ForInformation => "Nhận để biết",
        _ => role.ToString(),
    };

    public static string Name(AssignmentStatus status) => status switch
    {
        AssignmentStatus.Open => "Chờ xử lý",
        AssignmentStatus.Forwarded => "Đang xử lý",
        AssignmentStatus.Done => "Đã xử lý",
        AssignmentStatus.Returned => "Trả lại",
        AssignmentStatus.Revoked => "Đã thu hồi",
        AssignmentStatus.AwaitingReceipt => "Chờ văn thư tiếp nhận",
        _ => status.ToString(),
    };

    public static string? Name(AssignmentAwaiting awaiting) => awaiting switch
    {
        AssignmentAwaiting.ResultConfirmation => "Chờ xác nhận kết quả",
        AssignmentAwaiting.FeedbackReview => "Đã có ý kiến góp ý",
        _ => null,
    };

    public static string? Json(AssignmentAwaiting awaiting) => awaiting switch
    {
        AssignmentAwaiting.ResultConfirmation => "resultConfirmation",
        AssignmentAwaiting.FeedbackReview => "feedbackReview",
        _ => null,
    };

    public static string Json(AssignmentStatus status) => status switch
    {
        AssignmentStatus.Open => "open",
        AssignmentStatus.Forwarded => "forwarded",
        AssignmentStatus.Done => "done",
        AssignmentStatus.Returned => "returned",
        AssignmentStatus.Revoked => "revoked",
        AssignmentStatus.AwaitingReceipt => "awaitingReceipt",
        _ => status.ToString(),
    };

    public static string Json(AssignmentRole role) => role switch
    {
        AssignmentRole.Direct => "direct",
        AssignmentRole.Lead => "lead",
        AssignmentRole.Support => "support",
        AssignmentRole.ForInformation => "forInformation",
        _ => role.ToString(),
    };

    public static AssignmentRole? ParseRole(string? value) => value?.Trim() switch
    {
        "direct" => AssignmentRole.Direct,
        "lead" => AssignmentRole.Lead,
        "support" => AssignmentRole.Support,
        "forInformation" => AssignmentRole.ForInformation,
        _ => null,
    };

    public static bool IsActive(this AssignmentStatus status) => status is AssignmentStatus.Open or AssignmentStatus.Forwarded or AssignmentStatus.AwaitingReceipt;
}
