using System.Security.Claims;
using Eoffice.Web.Platform.Security;

namespace Eoffice.Web.Platform.Web;

/// <summary>
/// One entry of the main menu, contributed by a module. <paramref name="TextKey"/> is a key in SharedResource.resx;
/// entries with a <paramref name="Permission"/> are shown only to those who hold it, or one of <paramref name="OrPermissions"/>
/// (a page two roles use, as "Đến hạn nộp lưu" for the records keeper and the agency's head).
/// </summary>
public sealed record NavigationItem(string TextKey, string Href, string? Permission = null, string Section = NavigationSections.Main, int Order = 100,
    IReadOnlyList<string>? OrPermissions = null)
{
    public bool IsFor(ClaimsPrincipal user) => Permission is null || user.HasPermission(Permission) || (OrPermissions?.Any(user.HasPermission) ?? false);
}

public static class NavigationSections
{
    public const string Main = "main";
    public const string Administration = "admin";
}

public sealed class NavigationMenu(IEnumerable<NavigationItem> items)
{
    public IReadOnlyList<NavigationItem> For(ClaimsPrincipal user, string section) =>
        items.Where(i => i.Section == section && i.IsFor(user))
            .OrderBy(i => i.Order)
            .ToList();
}
