namespace Eoffice.Web.Modules.Documents.Domain;

/// <summary>Where an incoming document came from.</summary>
public enum IncomingSource
{
    /// <summary>Paper received by post or by hand, scanned by the clerk.</summary>
    Paper = 0,

    /// <summary>Received electronically from another agency's system (liên thông), through the "chờ tiếp nhận" list.</summary>
    Electronic = 1,

    /// <summary>Received in the agency's official e-mail box.</summary>
    Email = 2,
}

/// <summary>The life of an incoming document as a whole.</summary>
public enum IncomingStatus
{
    /// <summary>Đã vào sổ, chờ trình: registered and not (or no longer) with any handler.</summary>
    Registered = 0,

    /// <summary>Đang xử lý: at least one handler holds it.</summary>
    InProgress = 1,

    /// <summary>Đã hoàn thành: every lead and support assignment is finished.</summary>
    Finished = 2,

    /// <summary>Đã hủy đăng ký: the registration was cancelled; the arrival number stays taken, with the reason.</summary>
    Cancelled = 3,
}

/// <summary>The role of one assignment (phân công xử lý) in the handling of a document.</summary>
public enum AssignmentRole
{
    /// <summary>Trình / chuyển xử lý: to read, direct and route further (the clerk presents to a leader, a leader forwards to a deputy or to the chief of office).</summary>
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
}

/// <summary>Why someone may see a document (one row of the document's access list).</summary>
public enum AccessReason
{
    /// <summary>Registered it, sent it, received it or acted on it.</summary>
    Participant = 0,

    /// <summary>A unit that received it (its leaders see it).</summary>
    RecipientUnit = 1,

    /// <summary>Explicitly shared with the person.</summary>
    Grant = 2,
}

public static class IncomingNames
{
    public static string Name(IncomingStatus status) => status switch
    {
        IncomingStatus.Registered => "Chờ trình",
        IncomingStatus.InProgress => "Đang xử lý",
        IncomingStatus.Finished => "Đã hoàn thành",
        IncomingStatus.Cancelled => "Đã hủy",
        _ => status.ToString(),
    };

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
        _ => status.ToString(),
    };

    public static string Name(IncomingSource source) => source switch
    {
        IncomingSource.Paper => "Bản giấy",
        IncomingSource.Electronic => "Điện tử (liên thông)",
        IncomingSource.Email => "Thư điện tử",
        _ => source.ToString(),
    };

    public static bool IsTerminal(this AssignmentStatus status) => status is AssignmentStatus.Done or AssignmentStatus.Returned or AssignmentStatus.Revoked;

    public static bool IsActive(this AssignmentStatus status) => status is AssignmentStatus.Open or AssignmentStatus.Forwarded;
}
