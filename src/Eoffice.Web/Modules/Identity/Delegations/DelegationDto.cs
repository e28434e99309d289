using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Time;

namespace Eoffice.Web.Modules.Identity.Delegations;

/// <summary>
/// A delegation as people see it. <c>Rights</c> are the codes of the delegated rights ("documents.incoming.handle"),
/// <c>RightsText</c> their Vietnamese names; <c>Status</c> is "upcoming", "active", "ended" or "revoked" as of today
/// (Vietnam date).
/// </summary>
public sealed record DelegationDto(Guid Id, Guid DelegatorId, string DelegatorName, Guid DelegateId, string DelegateName,
    IReadOnlyList<string> Rights, string RightsText, DateOnly StartsOn, DateOnly EndsOn, string? Reason, string Status,
    DateTime CreatedAt, DateTime? RevokedAt)
{
    public static DelegationDto From(Delegation d, string delegatorName, string delegateName, DateOnly today, PermissionCatalog catalog)
    {
        var rights = DelegatedRightNames.Ordered(d.Rights, catalog);
        return new(d.Id, d.DelegatorId, delegatorName, d.DelegateId, delegateName, rights.Select(r => r.Code).ToList(),
            DelegatedRightNames.Describe(rights, catalog), d.StartsOn, d.EndsOn, d.Reason, StatusOf(d, today), d.CreatedAt, d.RevokedAt);
    }

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

/// <summary>
/// Delegated rights by code (the catalogue the modules declare, <see cref="PermissionCatalog.DelegableRights"/>) and by
/// their Vietnamese names.
/// </summary>
public static class DelegatedRightNames
{
    /// <summary>Marks a stored right that no module declares (now): it is shown but gives nothing until one does.</summary>
    public const string NotApplied = " (chưa áp dụng)";

    /// <summary>
    /// The declared rights named by <paramref name="codes"/> ("all" means every declared right), and the codes no
    /// module declares.
    /// </summary>
    public static (IReadOnlyList<DelegableRight> Rights, IReadOnlyList<string> Unknown) Parse(IEnumerable<string>? codes, PermissionCatalog catalog)
    {
        var rights = new List<DelegableRight>();
        var unknown = new List<string>();
        foreach (var code in (codes ?? []).Select(c => c.Trim()).Where(c => c.Length > 0))
        {
            if (string.Equals(code, "all", StringComparison.OrdinalIgnoreCase))
            {
                rights.AddRange(catalog.DelegableRights);
            }
            else if (catalog.FindDelegableRight(code) is { } right)
            {
                rights.Add(right);
            }
            else
            {
                unknown.Add(code);
            }
        }

        return (rights.DistinctBy(r => r.Code).ToList(), unknown);
    }

    /// <summary>Held rights in the catalogue's order, those no module declares last.</summary>
    public static IReadOnlyList<DelegationRight> Ordered(IEnumerable<DelegationRight> held, PermissionCatalog catalog)
    {
        var order = catalog.DelegableRights.Select((r, i) => (r.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        return held.OrderBy(r => order.GetValueOrDefault(r.Code, int.MaxValue)).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// "Xử lý văn bản đến (bút phê, phân công); Duyệt dự thảo văn bản đi": the declared name of each right, or the name
    /// it was delegated under, marked <see cref="NotApplied"/>, when no module declares it.
    /// </summary>
    public static string Describe(IEnumerable<DelegationRight> held, PermissionCatalog catalog) =>
        string.Join("; ", Ordered(held, catalog).Select(r => catalog.FindDelegableRight(r.Code)?.Name ?? r.Name + NotApplied));
}
