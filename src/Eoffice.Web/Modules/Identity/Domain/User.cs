namespace Eoffice.Web.Modules.Identity.Domain;

/// <summary>
/// The one account of one person (cán bộ, công chức, viên chức). Signs in with <see cref="UserName"/>;
/// <see cref="Roles"/> decide which permissions they hold.
/// </summary>
public sealed class User
{
    private readonly List<UserRole> roles = [];

    private User()
    {
        UserName = string.Empty;
        FullName = string.Empty;
        PasswordHash = string.Empty;
        SecurityStamp = string.Empty;
    }

    public User(string userName, string fullName, DateTime createdAt)
    {
        Id = Guid.CreateVersion7();
        UserName = userName;
        FullName = fullName;
        CreatedAt = createdAt;
        IsActive = true;
        PasswordHash = string.Empty;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public Guid Id { get; private set; }

    /// <summary>Lower-case ASCII sign-in name, e.g. "nvan".</summary>
    public string UserName { get; private set; }

    /// <summary>Full name with diacritics, e.g. "Nguyễn Văn An".</summary>
    public string FullName { get; private set; }

    public string? Email { get; set; }

    public string PasswordHash { get; private set; }

    /// <summary>Changes whenever credentials or rights change; sessions issued with an older stamp are rejected.</summary>
    public string SecurityStamp { get; private set; }

    public bool IsActive { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? LastSignInAt { get; private set; }

    public IReadOnlyCollection<UserRole> Roles => roles;

    public void SetPasswordHash(string hash)
    {
        PasswordHash = hash;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public void GrantRole(string roleCode)
    {
        if (roles.Any(r => r.RoleCode == roleCode))
        {
            return;
        }

        roles.Add(new UserRole(Id, roleCode));
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public void RecordSignIn(DateTime at) => LastSignInAt = at;
}

/// <summary>A default role held by a user (issue #3 adds unit scopes).</summary>
public sealed class UserRole(Guid userId, string roleCode)
{
    public Guid UserId { get; private set; } = userId;

    public string RoleCode { get; private set; } = roleCode;
}
