using Eoffice.Web.Modules.Cabinet.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Modules.Cabinet;

/// <summary>
/// What the cabinet's use cases share: the viewer, the agency's folders (made on first use: the three shared folders
/// and one per unit, including units created since), the access rule, the commit with its audit entry.
/// A folder or file the viewer may not see is not found (404); one they see but may not change is forbidden (403).
/// </summary>
public sealed class CabinetStore(UnitOfWork unitOfWork, ICurrentUser currentUser, IAccessScopes scopes, IOrganizationDirectory organization,
    IPeopleDirectory people, IOptions<CabinetOptions> options, TimeProvider time)
{
    public const string FolderNotFound = "Không tìm thấy thư mục hoặc thư mục không được chia sẻ với bạn.";
    public const string FileNotFound = "Không tìm thấy tệp hoặc tệp không được chia sẻ với bạn.";

    public static readonly IReadOnlyDictionary<FolderKind, string> SharedNames = new Dictionary<FolderKind, string>
    {
        [FolderKind.Leadership] = "Lãnh đạo",
        [FolderKind.InternalNews] = "Tin nội bộ",
        [FolderKind.NewDocuments] = "Văn bản mới",
    };

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public EofficeDbContext Db => unitOfWork.Db;

    public CabinetOptions Options => options.Value;

    public async Task<CabinetViewer> ViewerAsync(CancellationToken cancellationToken)
    {
        var userId = currentUser.Id ?? throw RuleException.NotFound();
        var agencyId = currentUser.AgencyId ?? throw RuleException.NotFound(FolderNotFound);
        var person = await people.FindPersonAsync(userId, cancellationToken);
        var unitId = person?.UnitId;
        var up = new HashSet<Guid>();
        for (var unit = unitId is { } u ? await organization.FindUnitAsync(u, cancellationToken) : null; unit is not null && up.Add(unit.Id);
             unit = unit.ParentId is { } p ? await organization.FindUnitAsync(p, cancellationToken) : null)
        {
        }

        var roles = (await scopes.RolesOfAsync(userId, cancellationToken)).Select(r => r.Role).ToHashSet(StringComparer.Ordinal);
        var led = await scopes.UnitsWherePermittedAsync(userId, CabinetPermissions.ManageUnitFolder, cancellationToken);
        IReadOnlySet<Guid> ledUnits = led ?? (unitId is { } own ? await organization.UnitAndDescendantsAsync(own, cancellationToken) : new HashSet<Guid>());
        return new CabinetViewer(userId, agencyId, person?.FullName ?? currentUser.FullName ?? currentUser.UserName ?? "", unitId, up, roles,
            await scopes.HasPermissionAsync(userId, CabinetPermissions.ViewAll, null, cancellationToken),
            await scopes.HasPermissionAsync(userId, CabinetPermissions.ManageShared, null, cancellationToken),
            ledUnits);
    }

    /// <summary>The agency's folders and folder grants under the viewer's rule; the missing root folders are made first.</summary>
    public async Task<CabinetAccess> AccessAsync(CabinetViewer viewer, CancellationToken cancellationToken)
    {
        var folders = await Db.Set<CabinetFolder>().Where(f => f.AgencyId == viewer.AgencyId).ToListAsync(cancellationToken);
        if (await EnsureRootsAsync(viewer.AgencyId, folders, cancellationToken))
        {
            folders = await Db.Set<CabinetFolder>().Where(f => f.AgencyId == viewer.AgencyId).ToListAsync(cancellationToken);
        }

        var grants = await Db.Set<CabinetGrant>().AsNoTracking().Where(g => g.AgencyId == viewer.AgencyId && g.FolderId != null).ToListAsync(cancellationToken);
        return new CabinetAccess(folders, grants, viewer);
    }

    /// <summary>
    /// Regulation 004 Điều 10.1: "Lãnh đạo", "Tin nội bộ", "Văn bản mới" and one folder per active unit, with its storage
    /// row; a renamed unit's folder follows its name. Two first uses at once make one set (unique root key).
    /// </summary>
    private async Task<bool> EnsureRootsAsync(Guid agencyId, List<CabinetFolder> folders, CancellationToken cancellationToken)
    {
        var byKey = folders.Where(f => f.RootKey is not null).ToDictionary(f => f.RootKey!);
        var units = await organization.UnitsOfAgencyAsync(agencyId, cancellationToken);
        var changed = false;
        foreach (var (kind, name) in SharedNames)
        {
            if (!byKey.ContainsKey(kind.ToString()))
            {
                Db.Add(new CabinetFolder(agencyId, null, kind, null, name, null, Now));
                changed = true;
            }
        }

        var storage = (await Db.Set<CabinetUnitStorage>().Where(s => s.AgencyId == agencyId).Select(s => s.UnitId).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var unit in units.Where(u => u.IsActive))
        {
            if (!byKey.TryGetValue($"unit:{unit.Id}", out var folder))
            {
                Db.Add(new CabinetFolder(agencyId, null, FolderKind.Unit, unit.Id, unit.Name, null, Now));
                changed = true;
            }
            else if (folder.Name != unit.Name)
            {
                folder.Rename(unit.Name);
                changed = true;
            }

            if (!storage.Contains(unit.Id))
            {
                Db.Add(new CabinetUnitStorage(unit.Id, agencyId));
                changed = true;
            }
        }

        if (!changed)
        {
            return false;
        }

        try
        {
            await unitOfWork.CommitAsync(new AuditEvent("cabinet.folders.ensure", "cabinet", agencyId.ToString(), Details: "Tạo các thư mục gốc của tủ tài liệu."),
                cancellationToken);
        }
        catch (RuleException conflict) when (conflict.Kind == RuleKind.Conflict)
        {
            // Another request made them at the same moment: theirs are used.
            Db.ChangeTracker.Clear();
        }

        return true;
    }

    /// <summary>A folder the viewer may see, with its level; otherwise not found.</summary>
    public static (CabinetFolder Folder, AccessLevel Level) Visible(CabinetAccess access, Guid folderId)
    {
        if (access.Find(folderId) is { } folder && access.LevelOf(folder) is var level && level >= AccessLevel.View)
        {
            return (folder, level);
        }

        throw RuleException.NotFound(FolderNotFound);
    }

    /// <summary>A file of the agency (in the recycle bin too when <paramref name="deleted"/>) the viewer may see, with its level.</summary>
    public async Task<(CabinetFile File, CabinetFolder Folder, AccessLevel Level)> FileAsync(CabinetViewer viewer, CabinetAccess access, Guid fileId,
        CancellationToken cancellationToken, bool deleted = false)
    {
        var file = await Db.Set<CabinetFile>().Include(f => f.Versions).SingleOrDefaultAsync(f => f.Id == fileId && f.AgencyId == viewer.AgencyId, cancellationToken);
        if (file is null || (file.DeletedAt is not null) != deleted || access.Find(file.FolderId) is not { } folder)
        {
            throw RuleException.NotFound(FileNotFound);
        }

        var grants = await Db.Set<CabinetGrant>().AsNoTracking().Where(g => g.FileId == fileId).ToListAsync(cancellationToken);
        var level = access.LevelOf(file, folder, grants);
        return level >= AccessLevel.View ? (file, folder, level) : throw RuleException.NotFound(FileNotFound);
    }

    public static void Require(AccessLevel level, AccessLevel needed, string message)
    {
        if (level < needed)
        {
            throw RuleException.Forbidden(message);
        }
    }

    /// <summary>The unit whose quota a new file in <paramref name="folder"/> uses: the folder's unit, else the uploader's.</summary>
    public static Guid? ChargedUnitOf(CabinetAccess access, CabinetFolder folder, CabinetViewer viewer) => access.RootOf(folder).UnitId ?? viewer.UnitId;

    public async Task<(long Quota, long Used, string UnitName)> StorageOfAsync(Guid unitId, CancellationToken cancellationToken)
    {
        var row = await Db.Set<CabinetUnitStorage>().AsNoTracking().SingleOrDefaultAsync(s => s.UnitId == unitId, cancellationToken);
        var unit = await organization.FindUnitAsync(unitId, cancellationToken);
        return (row?.QuotaBytes ?? Options.DefaultUnitQuotaBytes, row?.UsedBytes ?? 0, unit?.Name ?? "");
    }

    /// <summary>
    /// Takes <paramref name="bytes"/> of the unit's quota inside the commit's transaction, only if they fit (a race with
    /// another upload is refused here, not over-filled).
    /// </summary>
    public async Task ChargeAsync(Guid? unitId, long bytes, string fullMessage, CancellationToken cancellationToken)
    {
        if (unitId is not { } unit || bytes == 0)
        {
            return;
        }

        var defaultQuota = Options.DefaultUnitQuotaBytes;
        var updated = await Db.Set<CabinetUnitStorage>()
            .Where(s => s.UnitId == unit && s.UsedBytes + bytes <= (s.QuotaBytes ?? defaultQuota))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.UsedBytes, x => x.UsedBytes + bytes), cancellationToken);
        if (updated == 0)
        {
            throw new Platform.Storage.FileRejectedException(fullMessage, StatusCodes.Status413PayloadTooLarge);
        }
    }

    public static string QuotaMessage(string unitName, long quota, long used, string fileName) =>
        $"Tủ tài liệu của {unitName} đã hết dung lượng (đã dùng {Platform.Storage.StorageOptions.DescribeSize(used)} trên hạn mức "
        + $"{Platform.Storage.StorageOptions.DescribeSize(quota)}): không đủ chỗ cho tệp “{fileName}”. Hãy xóa bớt tệp cũ, dọn thùng rác "
        + "hoặc đề nghị Văn phòng tăng hạn mức; tệp chưa được lưu.";

    public Task CommitAsync(string action, string objectType, Guid id, string details, CancellationToken cancellationToken, Func<CancellationToken, Task>? firstWrites = null) =>
        unitOfWork.CommitAsync(async ct =>
        {
            if (firstWrites is not null)
            {
                await firstWrites(ct);
            }

            return true;
        }, _ => new AuditEvent($"cabinet.{action}", objectType, id.ToString(), Details: details), cancellationToken);
}
