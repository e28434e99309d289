using System.Text.RegularExpressions;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Identity.Rights;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity.People;

/// <summary>The rules a person's data follows, shared by creating, editing and importing people.</summary>
public static partial class PersonRules
{
    public const int FullNameMaxLength = 200;
    public const string InvalidInput = "Dữ liệu không hợp lệ.";

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,63}$")]
    private static partial Regex UserNamePattern();

    /// <summary>Why <paramref name="fullName"/> cannot be used, or <c>null</c>.</summary>
    public static string? FullNameError(string? fullName) =>
        string.IsNullOrWhiteSpace(fullName) ? "Vui lòng nhập họ và tên."
        : fullName.Trim().Length > FullNameMaxLength ? $"Họ và tên tối đa {FullNameMaxLength} ký tự."
        : UserNameGenerator.Base(fullName).Length == 0 ? "Họ và tên phải có chữ cái."
        : null;

    /// <summary>User names are lower-case ASCII letters and digits (with . _ - inside), 2 to 64 characters.</summary>
    public static string? UserNameError(string? userName) =>
        string.IsNullOrWhiteSpace(userName) ? "Vui lòng nhập tên đăng nhập."
        : !UserNamePattern().IsMatch(userName.Trim()) ? "Tên đăng nhập gồm 2–64 chữ thường không dấu, chữ số và các dấu . _ -, ví dụ nvan."
        : null;

    public static string? EmailError(string? email) =>
        string.IsNullOrWhiteSpace(email) || ContactDetails.IsEmail(email.Trim()) ? null : "Địa chỉ thư điện tử không hợp lệ, ví dụ nvan@ninhbinh.gov.vn.";

    public static string? PhoneError(string? phone) =>
        string.IsNullOrWhiteSpace(phone) || ContactDetails.IsPhone(phone.Trim()) ? null
        : "Số điện thoại chỉ gồm chữ số, khoảng trắng và các dấu + . - ( ), từ 8 đến 15 chữ số.";

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The role code named by <paramref name="text"/>: a code ("clerk") or a Vietnamese name ("Văn thư"), any case or tone marks.</summary>
    public static string? ParseRole(string? text)
    {
        var folded = VietnameseText.Fold(text);
        return DefaultRoles.All.FirstOrDefault(r => r == folded || VietnameseText.Fold(DefaultRoles.Names[r]) == folded);
    }

    /// <summary>
    /// The unit a role granted with a person's placement is limited to: a unit leader and a specialist act for their
    /// unit, a clerk of a unit with its own clerk for that unit; other roles are agency-wide.
    /// </summary>
    public static Guid? ScopeFor(string role, UnitInfo? unit) => role switch
    {
        DefaultRoles.UnitLeader or DefaultRoles.Specialist => unit?.Id,
        DefaultRoles.Clerk when unit is { HasOwnClerk: true } => unit.Id,
        _ => null,
    };

    /// <summary>The roles a person is given with their placement in <paramref name="unit"/>, each with its scope (<see cref="ScopeFor"/>).</summary>
    public static IReadOnlyList<RoleGrants.Grant> GrantsFor(IEnumerable<string> roles, UnitInfo unit) =>
        roles.Distinct().Select(role => ScopeFor(role, unit) is { } scope
            ? new RoleGrants.Grant(role, scope, unit.Name)
            : new RoleGrants.Grant(role, null, GetPersonRoles.AgencyWide)).ToList();

    /// <summary>The audit details of a new account: names, placement and every role granted with it.</summary>
    public static string CreatedDetails(User user, UnitInfo unit, PositionInfo position, IEnumerable<RoleGrants.Grant> grants) =>
        $"{user.UserName} | {user.FullName} | unit {unit.Name} | position {position.Name} | roles {RoleGrants.AuditText(grants)}";

    /// <summary>All user names that start like <paramref name="root"/>: the ones a generated name may collide with.</summary>
    public static async Task<HashSet<string>> NamesStartingWithAsync(EofficeDbContext db, string root, CancellationToken cancellationToken) =>
        (await db.Set<User>().AsNoTracking().Where(u => u.UserName.StartsWith(root)).Select(u => u.UserName).ToListAsync(cancellationToken))
        .ToHashSet(StringComparer.Ordinal);

    public static string StatusName(AccountStatus status) => status switch
    {
        AccountStatus.Active => "active",
        AccountStatus.Disabled => "disabled",
        _ => "departed",
    };

    public static string StatusLabel(string status) => status switch
    {
        "active" => "Đang hoạt động",
        "disabled" => "Đã khóa",
        _ => "Đã nghỉ, chuyển công tác",
    };
}

/// <summary>
/// The agency whose people the current user manages: their own. People of other agencies are treated as absent (404).
/// An installation administrator (no agency) may name the agency when creating its first people.
/// </summary>
public sealed class PeopleScope(ICurrentUser currentUser)
{
    public Guid AgencyId => currentUser.AgencyId ?? throw RuleException.NotFound("Tài khoản của bạn chưa thuộc cơ quan nào.");

    public Guid? CurrentUserId => currentUser.Id;

    public bool IsInstallationAdministrator => currentUser.AgencyId is null && currentUser.HasPermission(IdentityPermissions.ManageAccounts);

    /// <summary>Loads a person of <paramref name="agencyId"/> for change, with their roles.</summary>
    internal static async Task<User> LoadAsync(EofficeDbContext db, Guid agencyId, Guid id, CancellationToken cancellationToken) =>
        await db.Set<User>().Include(u => u.RoleAssignments).FirstOrDefaultAsync(u => u.Id == id && u.AgencyId == agencyId, cancellationToken)
        ?? throw RuleException.NotFound("Không tìm thấy cán bộ hoặc bạn không có quyền truy cập.");
}

/// <summary>Where a person is placed: a unit and a position of their agency, both in use.</summary>
public sealed class Placement(IOrganizationDirectory organization)
{
    /// <summary>Checks the unit and position; errors are keyed "unitId" and "positionId".</summary>
    public async Task<(UnitInfo? Unit, PositionInfo? Position, Dictionary<string, string[]> Errors)> CheckAsync(
        Guid agencyId, Guid? unitId, Guid? positionId, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        UnitInfo? unit = null;
        PositionInfo? position = null;
        if (unitId is null)
        {
            errors["unitId"] = ["Vui lòng chọn đơn vị."];
        }
        else
        {
            unit = await organization.FindUnitAsync(unitId.Value, cancellationToken);
            if (unit is null || unit.AgencyId != agencyId || !unit.IsActive)
            {
                errors["unitId"] = ["Đơn vị không tồn tại hoặc đã ngừng hoạt động."];
                unit = null;
            }
        }

        if (positionId is null)
        {
            errors["positionId"] = ["Vui lòng chọn chức vụ."];
        }
        else
        {
            position = await organization.FindPositionAsync(positionId.Value, cancellationToken);
            if (position is null || position.AgencyId != agencyId || !position.IsActive)
            {
                errors["positionId"] = ["Chức vụ không tồn tại hoặc đã ngừng sử dụng."];
                position = null;
            }
        }

        return (unit, position, errors);
    }
}
