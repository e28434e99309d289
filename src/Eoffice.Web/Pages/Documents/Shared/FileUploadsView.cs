using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Pages.Documents.Shared;

/// <summary>
/// The model of <c>_FileUploads.cshtml</c>, the drop zone and file list of a form that posts uploaded files as
/// <c>{Field}.FileIds</c> with a main one (<c>{Field}.MainFileId</c>); wired by <c>wwwroot/js/file-uploads.js</c>.
/// <see cref="Files"/> are the files the form had already uploaded when it comes back with errors.
/// </summary>
public sealed record FileUploadsView(string Field, IReadOnlyList<FileUploadsView.Uploaded> Files, Guid? MainFileId, bool Preview, string Help)
{
    /// <summary>Said beside the submit button while a file is still uploading (the button is disabled meanwhile).</summary>
    public const string WaitNote = "Đang tải tệp lên… vui lòng chờ";

    public sealed record Uploaded(Guid Id, string Name, long Length);

    /// <summary>What the file list posts: every file (<c>{Field}.FileIds</c>) and the main one (<c>{Field}.MainFileId</c>).</summary>
    public sealed class Posted
    {
        public List<Guid> FileIds { get; set; } = [];

        public Guid? MainFileId { get; set; }

        /// <summary>The main file (the one chosen, else the first) and the others, in the order posted.</summary>
        public (Guid? Main, List<Guid> Others) Split()
        {
            var ids = FileIds.Distinct().ToList();
            var main = MainFileId is { } m && ids.Contains(m) ? m : ids.Count > 0 ? ids[0] : (Guid?)null;
            return (main, ids.Where(i => i != main).ToList());
        }
    }

    /// <summary>
    /// The files of <paramref name="ids"/> that <paramref name="userId"/> uploaded or that are already on the document
    /// (<paramref name="onDocument"/>: a draft's files when someone else edits it), in the order given (others are dropped).
    /// </summary>
    public static async Task<IReadOnlyList<Uploaded>> UploadedAsync(EofficeDbContext db, Guid? userId, IEnumerable<Guid>? ids, CancellationToken cancellationToken,
        IReadOnlyCollection<Guid>? onDocument = null)
    {
        var known = (onDocument ?? []).ToList();
        var wanted = (ids ?? []).Distinct().ToList();
        if (wanted.Count == 0 || userId is null)
        {
            return [];
        }

        var files = await db.Set<StoredFile>().AsNoTracking().Where(f => wanted.Contains(f.Id) && (f.CreatedBy == userId || known.Contains(f.Id))).ToListAsync(cancellationToken);
        return wanted.Select(id => files.FirstOrDefault(f => f.Id == id)).OfType<StoredFile>().Select(f => new Uploaded(f.Id, f.FileName, f.Length)).ToList();
    }
}
