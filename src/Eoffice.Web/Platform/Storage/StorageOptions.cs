namespace Eoffice.Web.Platform.Storage;

/// <summary>Where file contents live. Only the local (or shared-mount) file system exists today; S3 is planned (docs/architecture.md §1).</summary>
public enum StorageProvider
{
    FileSystem,
}

/// <summary>Section "Storage": where uploaded files are kept, how large they may be, and how long unused contents are kept.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>100 MB, the default per-file limit.</summary>
    public const long DefaultMaxFileSizeBytes = 100L * 1024 * 1024;

    public StorageProvider Provider { get; set; } = StorageProvider.FileSystem;

    /// <summary>
    /// Folder of the content-addressed store. Empty means "&lt;Eoffice:DataPath&gt;/files"; a relative path is resolved
    /// against the content root. In a cluster every node must see the same folder (shared mount).
    /// </summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>Largest accepted file, in bytes; larger uploads are refused while streaming, before they fill the disk.</summary>
    public long MaxFileSizeBytes { get; set; } = DefaultMaxFileSizeBytes;

    /// <summary>
    /// How long a content nobody references is kept before garbage collection may delete it. Covers uploads whose
    /// database row is still on its way (a long transaction, a retry after a crash).
    /// </summary>
    public TimeSpan GarbageGracePeriod { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The limit as people read it, e.g. "100 MB".</summary>
    public static string DescribeSize(long bytes) => bytes switch
    {
        >= 1024L * 1024 * 1024 => $"{bytes / (1024d * 1024 * 1024):0.#} GB",
        >= 1024L * 1024 => $"{bytes / (1024d * 1024):0.#} MB",
        >= 1024 => $"{bytes / 1024d:0.#} KB",
        _ => $"{bytes} byte",
    };
}
