namespace Eoffice.Web.Modules.Cabinet.Domain;

/// <summary>What a person may do in a folder or with a file; each level includes the ones below it (ADR 0032).</summary>
public enum AccessLevel
{
    None = 0,

    /// <summary>See it in the list and open it in the in-page viewer.</summary>
    View = 1,

    /// <summary>Also save the file and its older versions.</summary>
    Download = 2,

    /// <summary>Also add files and sub-folders (in a folder).</summary>
    Upload = 3,

    /// <summary>Also rename, replace and delete others' files, and set who may do what.</summary>
    Manage = 4,
}

/// <summary>The folders every agency's cabinet starts with (regulation 004 Điều 10.1).</summary>
public enum FolderKind
{
    /// <summary>"Lãnh đạo".</summary>
    Leadership = 0,

    /// <summary>"Tin nội bộ": where staff share internal news and reports (Điều 10.1.b).</summary>
    InternalNews = 1,

    /// <summary>"Văn bản mới": new documents of the higher levels and related agencies (Điều 10.1.c).</summary>
    NewDocuments = 2,

    /// <summary>The folder of one unit (phòng, ban, đơn vị trực thuộc).</summary>
    Unit = 3,

    /// <summary>A sub-folder made by staff.</summary>
    Sub = 4,
}

/// <summary>Who a grant is for.</summary>
public enum PrincipalKind
{
    Person = 0,

    /// <summary>The people of the unit and of the units below it.</summary>
    Unit = 1,

    /// <summary>The holders of a role (<c>DefaultRoles</c> code).</summary>
    Role = 2,
}

/// <summary>A folder of the shared cabinet (tủ tài liệu). Root folders are made by the system; sub-folders by staff.</summary>
public sealed class CabinetFolder
{
    public const int NameMaxLength = 200;

    private CabinetFolder()
    {
        Name = string.Empty;
    }

    public CabinetFolder(Guid agencyId, Guid? parentId, FolderKind kind, Guid? unitId, string name, Guid? createdById, DateTime now)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        ParentId = parentId;
        Kind = kind;
        UnitId = unitId;
        Name = name;
        CreatedById = createdById;
        CreatedAt = now;
        InheritsAccess = true;
        RootKey = kind switch
        {
            FolderKind.Sub => null,
            FolderKind.Unit => $"unit:{unitId}",
            _ => kind.ToString(),
        };
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid? ParentId { get; private set; }

    public FolderKind Kind { get; private set; }

    /// <summary>The unit of a unit folder, and of every folder below it (whose uploads its quota counts).</summary>
    public Guid? UnitId { get; private set; }

    /// <summary>Unique per agency for root folders ("Leadership", "unit:{id}"), so that two first uses make one set.</summary>
    public string? RootKey { get; private set; }

    public string Name { get; private set; }

    public Guid? CreatedById { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>False when the folder's grants replace those of the folder above it.</summary>
    public bool InheritsAccess { get; private set; }

    public int Version { get; private set; }

    public bool IsRoot => ParentId is null;

    public void Rename(string name)
    {
        Name = name;
        Version++;
    }

    public void SetInheritance(bool inherits)
    {
        InheritsAccess = inherits;
        Version++;
    }
}

/// <summary>A file of the cabinet: its current version and its history; deleted files wait in the recycle bin.</summary>
public sealed class CabinetFile
{
    public const int NameMaxLength = 255;

    private readonly List<CabinetFileVersion> versions = [];

    private CabinetFile()
    {
        Name = AuthorName = ContentType = string.Empty;
    }

    public CabinetFile(Guid agencyId, Guid folderId, Guid? chargedUnitId, string name, Guid authorId, string authorName, Guid storedFileId, long length,
        string contentType, DateTime now)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        FolderId = folderId;
        ChargedUnitId = chargedUnitId;
        Name = name;
        AuthorId = authorId;
        AuthorName = authorName;
        CreatedAt = now;
        InheritsAccess = true;
        ContentType = contentType;
        AddVersion(storedFileId, length, contentType, name, authorId, now);
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid FolderId { get; private set; }

    /// <summary>The unit whose quota the file's versions use.</summary>
    public Guid? ChargedUnitId { get; private set; }

    public string Name { get; private set; }

    public Guid AuthorId { get; private set; }

    public string AuthorName { get; private set; }

    public Guid StoredFileId { get; private set; }

    public long Length { get; private set; }

    public string ContentType { get; private set; }

    public int VersionNumber { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? DeletedAt { get; private set; }

    public Guid? DeletedById { get; private set; }

    public bool InheritsAccess { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<CabinetFileVersion> Versions => versions;

    public CabinetFileVersion AddVersion(Guid storedFileId, long length, string contentType, string fileName, Guid by, DateTime now)
    {
        VersionNumber++;
        StoredFileId = storedFileId;
        Length = length;
        ContentType = contentType;
        UpdatedAt = now;
        Version++;
        var version = new CabinetFileVersion(Id, VersionNumber, storedFileId, length, contentType, fileName, by, now);
        versions.Add(version);
        return version;
    }

    public void Rename(string name)
    {
        Name = name;
        Version++;
    }

    public void Delete(Guid by, DateTime now)
    {
        if (DeletedAt is not null)
        {
            throw Platform.Rules.RuleException.Conflict("Tệp đã ở trong thùng rác.");
        }

        DeletedAt = now;
        DeletedById = by;
        Version++;
    }

    public void Restore()
    {
        if (DeletedAt is null)
        {
            throw Platform.Rules.RuleException.Conflict("Tệp không ở trong thùng rác.");
        }

        DeletedAt = null;
        DeletedById = null;
        Version++;
    }

    public void SetInheritance(bool inherits)
    {
        InheritsAccess = inherits;
        Version++;
    }
}

/// <summary>One version of a file, kept when the file is replaced.</summary>
public sealed class CabinetFileVersion
{
    private CabinetFileVersion()
    {
        ContentType = FileName = string.Empty;
    }

    internal CabinetFileVersion(Guid fileId, int number, Guid storedFileId, long length, string contentType, string fileName, Guid createdById, DateTime now)
    {
        Id = Guid.CreateVersion7();
        FileId = fileId;
        Number = number;
        StoredFileId = storedFileId;
        Length = length;
        ContentType = contentType;
        FileName = fileName;
        CreatedById = createdById;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid FileId { get; private set; }

    public int Number { get; private set; }

    public Guid StoredFileId { get; private set; }

    public long Length { get; private set; }

    public string ContentType { get; private set; }

    public string FileName { get; private set; }

    public Guid CreatedById { get; private set; }

    public DateTime CreatedAt { get; private set; }
}

/// <summary>An access level given on a folder or a file to a person, a unit or a role.</summary>
public sealed class CabinetGrant
{
    private CabinetGrant()
    {
    }

    public CabinetGrant(Guid agencyId, Guid? folderId, Guid? fileId, PrincipalKind kind, Guid? principalId, string? role, AccessLevel level)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        FolderId = folderId;
        FileId = fileId;
        PrincipalKind = kind;
        PrincipalId = principalId;
        Role = role;
        Level = level;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid? FolderId { get; private set; }

    public Guid? FileId { get; private set; }

    public PrincipalKind PrincipalKind { get; private set; }

    public Guid? PrincipalId { get; private set; }

    public string? Role { get; private set; }

    public AccessLevel Level { get; private set; }
}

/// <summary>A unit's cabinet storage: its quota (null: the configured default) and what its files' versions use.</summary>
public sealed class CabinetUnitStorage
{
    private CabinetUnitStorage()
    {
    }

    public CabinetUnitStorage(Guid unitId, Guid agencyId)
    {
        UnitId = unitId;
        AgencyId = agencyId;
    }

    public Guid UnitId { get; private set; }

    public Guid AgencyId { get; private set; }

    public long? QuotaBytes { get; private set; }

    public long UsedBytes { get; private set; }

    public void SetQuota(long? bytes) => QuotaBytes = bytes;
}
