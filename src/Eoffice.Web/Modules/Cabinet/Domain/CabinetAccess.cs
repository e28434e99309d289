namespace Eoffice.Web.Modules.Cabinet.Domain;

/// <summary>
/// Who asks: their unit (and the units above it, for grants to a unit that reach the units below), their roles, and
/// the standing rights of ADR 0032: agency leaders view everything, the office and administrators manage the three
/// shared folders, a unit's leaders manage its folder.
/// </summary>
public sealed record CabinetViewer(
    Guid UserId,
    Guid AgencyId,
    string Name,
    Guid? UnitId,
    IReadOnlySet<Guid> UnitAndAncestors,
    IReadOnlySet<string> Roles,
    bool IsLeader,
    bool ManagesSharedFolders,
    IReadOnlySet<Guid> LedUnits)
{
    public bool Matches(CabinetGrant grant) => grant.PrincipalKind switch
    {
        PrincipalKind.Person => grant.PrincipalId == UserId,
        PrincipalKind.Unit => grant.PrincipalId is { } unit && UnitAndAncestors.Contains(unit),
        PrincipalKind.Role => grant.Role is { } role && Roles.Contains(role),
        _ => false,
    };
}

/// <summary>
/// The access rule of ADR 0032 over an agency's folders, computed in memory (an agency has tens to hundreds of folders):
/// a folder's level is the highest of its standing rights, its own grants and — unless it overrides — what it inherits
/// from the folder above; a root folder inherits the default rights of its kind.
/// </summary>
public sealed class CabinetAccess
{
    private readonly Dictionary<Guid, CabinetFolder> folders;
    private readonly ILookup<Guid, CabinetGrant> grants;
    private readonly CabinetViewer viewer;
    private readonly Dictionary<Guid, AccessLevel> inherited = [];

    public CabinetAccess(IEnumerable<CabinetFolder> folders, IEnumerable<CabinetGrant> folderGrants, CabinetViewer viewer)
    {
        this.folders = folders.ToDictionary(f => f.Id);
        grants = folderGrants.Where(g => g.FolderId is not null).ToLookup(g => g.FolderId!.Value);
        this.viewer = viewer;
    }

    public IReadOnlyCollection<CabinetFolder> Folders => folders.Values;

    public CabinetFolder? Find(Guid id) => folders.GetValueOrDefault(id);

    public CabinetFolder RootOf(CabinetFolder folder)
    {
        var current = folder;
        while (current.ParentId is { } parent && folders.TryGetValue(parent, out var above))
        {
            current = above;
        }

        return current;
    }

    /// <summary>The folders from the root down to <paramref name="folder"/>.</summary>
    public IReadOnlyList<CabinetFolder> PathOf(CabinetFolder folder)
    {
        var path = new List<CabinetFolder> { folder };
        while (path[0].ParentId is { } parent && folders.TryGetValue(parent, out var above))
        {
            path.Insert(0, above);
        }

        return path;
    }

    /// <summary>The viewer's level in <paramref name="folder"/>.</summary>
    public AccessLevel LevelOf(CabinetFolder folder)
    {
        var level = Max(Standing(folder), Own(folder));
        return folder.InheritsAccess ? Max(level, Inherited(folder)) : level;
    }

    /// <summary>The viewer's level for a file of <paramref name="folder"/>, given the file's own grants.</summary>
    public AccessLevel LevelOf(CabinetFile file, CabinetFolder folder, IEnumerable<CabinetGrant> fileGrants)
    {
        var folderLevel = LevelOf(folder);
        var level = file.AuthorId == viewer.UserId || folderLevel == AccessLevel.Manage ? AccessLevel.Manage
            : viewer.IsLeader ? AccessLevel.View : AccessLevel.None;
        level = Max(level, fileGrants.Where(viewer.Matches).Select(g => g.Level).DefaultIfEmpty().Max());
        return file.InheritsAccess ? Max(level, Min(folderLevel, AccessLevel.Download)) : level;
    }

    /// <summary>Only the author or a manager replaces, renames or deletes a file (regulation 004 Điều 10.2).</summary>
    public static bool CanChange(AccessLevel fileLevel) => fileLevel == AccessLevel.Manage;

    /// <summary>Rights no grant can take away: leaders view all, managers of the root manage, a sub-folder's maker manages it.</summary>
    private AccessLevel Standing(CabinetFolder folder)
    {
        var root = RootOf(folder);
        if ((root.Kind is FolderKind.Unit && root.UnitId is { } unit && viewer.LedUnits.Contains(unit))
            || (root.Kind is not FolderKind.Unit && viewer.ManagesSharedFolders)
            || (folder.Kind == FolderKind.Sub && folder.CreatedById == viewer.UserId))
        {
            return AccessLevel.Manage;
        }

        return viewer.IsLeader ? AccessLevel.View : AccessLevel.None;
    }

    private AccessLevel Own(CabinetFolder folder) =>
        grants[folder.Id].Where(viewer.Matches).Select(g => g.Level).DefaultIfEmpty().Max();

    /// <summary>What the folder gets from above: the parent's grants and what it inherits in turn; for a root, its kind's defaults.</summary>
    private AccessLevel Inherited(CabinetFolder folder)
    {
        if (inherited.TryGetValue(folder.Id, out var known))
        {
            return known;
        }

        AccessLevel level;
        if (folder.ParentId is { } parentId && folders.TryGetValue(parentId, out var parent))
        {
            level = Own(parent);
            level = parent.InheritsAccess ? Max(level, Inherited(parent)) : level;
        }
        else
        {
            level = Defaults(folder);
        }

        inherited[folder.Id] = level;
        return level;
    }

    /// <summary>
    /// The defaults of a root folder: everyone views the shared folders and uploads into "Tin nội bộ" (Điều 10.1.b);
    /// a unit's staff upload into its folder (Điều 10.1.a).
    /// </summary>
    private AccessLevel Defaults(CabinetFolder root) => root.Kind switch
    {
        FolderKind.InternalNews => AccessLevel.Upload,
        FolderKind.Leadership or FolderKind.NewDocuments => AccessLevel.View,
        FolderKind.Unit when root.UnitId == viewer.UnitId && viewer.UnitId is not null => AccessLevel.Upload,
        _ => AccessLevel.None,
    };

    private static AccessLevel Max(AccessLevel a, AccessLevel b) => a > b ? a : b;

    private static AccessLevel Min(AccessLevel a, AccessLevel b) => a < b ? a : b;
}
