using Eoffice.Web.Modules.Cabinet.Domain;

namespace Eoffice.Web.Modules.Cabinet;

public static class CabinetCodes
{
    public static string Of(AccessLevel level) => level.ToString().ToLowerInvariant();

    public static AccessLevel? ParseLevel(string? code) => code?.Trim() switch
    {
        "view" => AccessLevel.View,
        "download" => AccessLevel.Download,
        "upload" => AccessLevel.Upload,
        "manage" => AccessLevel.Manage,
        _ => null,
    };

    public static PrincipalKind? ParseKind(string? code) => code?.Trim() switch
    {
        "person" => PrincipalKind.Person,
        "unit" => PrincipalKind.Unit,
        "role" => PrincipalKind.Role,
        _ => null,
    };

    public static string Of(PrincipalKind kind) => kind.ToString().ToLowerInvariant();

    public static string Of(FolderKind kind) => kind switch
    {
        FolderKind.Leadership => "leadership",
        FolderKind.InternalNews => "internal-news",
        FolderKind.NewDocuments => "new-documents",
        FolderKind.Unit => "unit",
        _ => "sub",
    };
}

public sealed record CabinetFolderNode(Guid Id, Guid? ParentId, string Name, string Kind, string Level);

/// <summary>The folders the viewer sees, and their own unit's folder (where the page opens).</summary>
public sealed record CabinetTreeResponse(IReadOnlyList<CabinetFolderNode> Folders, Guid? OwnUnitFolderId);

public sealed record CabinetFileItem(Guid Id, string Name, long Length, string ContentType, int VersionNumber, string AuthorName, DateTime UpdatedAt, bool CanChange);

public sealed record CabinetStorageResponse(Guid UnitId, string UnitName, long QuotaBytes, long UsedBytes);

public sealed record CabinetFolderResponse(
    Guid Id,
    string Name,
    string Kind,
    string Level,
    IReadOnlyList<CabinetFolderNode> Path,
    IReadOnlyList<CabinetFolderNode> SubFolders,
    IReadOnlyList<CabinetFileItem> Files,
    int Total,
    int Page,
    int PageSize,
    CabinetStorageResponse? Storage);

public sealed record CabinetVersionItem(int Number, string FileName, long Length, string ContentType, DateTime CreatedAt);

public sealed record CabinetFileResponse(
    Guid Id,
    Guid FolderId,
    string Name,
    long Length,
    string ContentType,
    int VersionNumber,
    string AuthorName,
    DateTime UpdatedAt,
    DateTime? DeletedAt,
    string Level,
    bool CanChange,
    IReadOnlyList<CabinetVersionItem> Versions)
{
    public static CabinetFileResponse From(CabinetFile file, AccessLevel level) =>
        new(file.Id, file.FolderId, file.Name, file.Length, file.ContentType, file.VersionNumber, file.AuthorName, file.UpdatedAt, file.DeletedAt,
            CabinetCodes.Of(level), CabinetAccess.CanChange(level),
            [.. file.Versions.OrderByDescending(v => v.Number).Select(v => new CabinetVersionItem(v.Number, v.FileName, v.Length, v.ContentType, v.CreatedAt))]);
}

public sealed record CabinetUploadResponse(IReadOnlyList<CabinetFileResponse> Files);

public sealed record CabinetRecycledFile(Guid Id, Guid FolderId, string FolderName, string Name, long Length, string AuthorName, DateTime DeletedAt, DateTime PurgeAt);

public sealed record CabinetRecycleBinResponse(IReadOnlyList<CabinetRecycledFile> Files);

public sealed record CabinetGrantItem(string Kind, Guid? PrincipalId, string? Role, string Level);

public sealed record CabinetGrantsResponse(bool Inherits, IReadOnlyList<CabinetGrantItem> Grants);

/// <summary>One whom a grant may name: a person's id (with their unit), a unit's id, or a role's code.</summary>
public sealed record CabinetGrantChoice(string Id, string Name, string? Detail);

public sealed record CabinetGrantChoicesResponse(IReadOnlyList<CabinetGrantChoice> People, IReadOnlyList<CabinetGrantChoice> Units, IReadOnlyList<CabinetGrantChoice> Roles);
