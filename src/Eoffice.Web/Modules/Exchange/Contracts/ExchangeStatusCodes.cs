namespace Eoffice.Web.Modules.Exchange.Contracts;

/// <summary>
/// The edXML status codes (REQUIREMENTS §3.2.1) a receiving agency sends back about a document, as two digits on the
/// wire: what the sender shows per recipient.
/// </summary>
public static class ExchangeStatusCodes
{
    /// <summary>Đã đến: the receiving system has it; the clerk has not acted.</summary>
    public const string Arrived = "01";

    /// <summary>Từ chối tiếp nhận, with the reason.</summary>
    public const string Refused = "02";

    /// <summary>Đã tiếp nhận: registered in the incoming register.</summary>
    public const string Registered = "03";

    /// <summary>Phân công: a leader assigned its handling.</summary>
    public const string Assigned = "04";

    /// <summary>Đang xử lý.</summary>
    public const string InProgress = "05";

    /// <summary>Hoàn thành.</summary>
    public const string Finished = "06";

    /// <summary>Yêu cầu lấy lại / thu hồi, with the reason.</summary>
    public const string RecallRequested = "13";

    /// <summary>Đồng ý yêu cầu cập nhật / lấy lại.</summary>
    public const string RecallAccepted = "15";

    /// <summary>Từ chối yêu cầu cập nhật / lấy lại.</summary>
    public const string RecallRefused = "16";

    public static readonly IReadOnlyList<string> All = [Arrived, Refused, Registered, Assigned, InProgress, Finished, RecallRequested, RecallAccepted, RecallRefused];

    /// <summary>The Vietnamese name shown beside a recipient.</summary>
    public static string NameOf(string code) => code switch
    {
        Arrived => "Đã đến",
        Refused => "Từ chối tiếp nhận",
        Registered => "Đã tiếp nhận",
        Assigned => "Đã phân công",
        InProgress => "Đang xử lý",
        Finished => "Hoàn thành",
        RecallRequested => "Yêu cầu thu hồi",
        RecallAccepted => "Đồng ý thu hồi/cập nhật",
        RecallRefused => "Từ chối thu hồi/cập nhật",
        _ => "Mã trạng thái " + code,
    };
}
