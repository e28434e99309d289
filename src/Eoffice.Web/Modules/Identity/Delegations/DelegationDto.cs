using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Time;

namespace Eoffice.Web.Modules.Identity.Delegations;

/// <summary>
/// A delegation as people see it. <c>Rights</c> are the API names ("handleIncoming", "approveDrafts", "sign");
/// <c>Status</c> is "upcoming", "active", "ended" or "revoked" as of today (Vietnam date).
/// </summary>
public sealed record DelegationDto(Guid Id, Guid DelegatorId, string DelegatorName, Guid DelegateId, string DelegateName,
    IReadOnlyList<string> Rights, string RightsText, DateOnly StartsOn, DateOnly EndsOn, string? Reason, string Status,
    DateTime CreatedAt, DateTime? RevokedAt)
{
    public static DelegationDto From(Delegation d, string delegatorName, string delegateName, DateOnly today) =>
        new(d.Id, d.DelegatorId, delegatorName, d.DelegateId, delegateName, DelegatedRightNames.ToNames(d.Rights), DelegatedRightNames.Describe(d.Rights),
            d.StartsOn, d.EndsOn, d.Reason, StatusOf(d, today), d.CreatedAt, d.RevokedAt);

    public static string StatusOf(Delegation d, DateOnly today) =>
        d.RevokedAt is not null ? "revoked" : d.IsActiveOn(today) ? "active" : today < d.StartsOn ? "upcoming" : "ended";

    public string StatusText => Status switch
    {
        "active" => "Đang hiệu lực",
        "upcoming" => "Chưa bắt đầu",
        "revoked" => "Đã thu hồi",
        _ => "Đã hết hạn",
    };

    public string Period => $"{VietnamTime.FormatDate(StartsOn)} – {VietnamTime.FormatDate(EndsOn)}";
}

/// <summary>The names of delegated rights in the API and in Vietnamese.</summary>
public static class DelegatedRightNames
{
    public static readonly IReadOnlyList<(DelegatedRights Right, string Name, string Text)> Each =
    [
        (DelegatedRights.HandleIncoming, "handleIncoming", "xử lý văn bản đến"),
        (DelegatedRights.ApproveDrafts, "approveDrafts", "duyệt dự thảo"),
        (DelegatedRights.Sign, "sign", "ký văn bản"),
    ];

    /// <summary>Parses API names ("all" means every right); <c>null</c> when a name is unknown.</summary>
    public static DelegatedRights? Parse(IEnumerable<string>? names)
    {
        var rights = DelegatedRights.None;
        foreach (var name in names ?? [])
        {
            if (string.Equals(name, "all", StringComparison.OrdinalIgnoreCase))
            {
                rights |= DelegatedRights.All;
                continue;
            }

            var match = Each.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
            if (match.Right == DelegatedRights.None)
            {
                return null;
            }

            rights |= match.Right;
        }

        return rights;
    }

    public static IReadOnlyList<string> ToNames(DelegatedRights rights) => Each.Where(e => rights.HasFlag(e.Right)).Select(e => e.Name).ToList();

    /// <summary>"xử lý văn bản đến, duyệt dự thảo".</summary>
    public static string Describe(DelegatedRights rights) => string.Join(", ", Each.Where(e => rights.HasFlag(e.Right)).Select(e => e.Text));
}
