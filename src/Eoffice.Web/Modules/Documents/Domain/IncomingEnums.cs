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

    public static string Json(IncomingStatus status) => status switch
    {
        IncomingStatus.Registered => "registered",
        IncomingStatus.InProgress => "inProgress",
        IncomingStatus.Finished => "finished",
        IncomingStatus.Cancelled => "cancelled",
        _ => status.ToString(),
    };

    public static string Name(IncomingSource source) => source switch
    {
        IncomingSource.Paper => "Bản giấy",
        IncomingSource.Electronic => "Điện tử (liên thông)",
        IncomingSource.Email => "Thư điện tử",
        _ => source.ToString(),
    };
}
