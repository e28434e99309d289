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

    /// <summary>The files of <paramref name="ids"/> that <paramref name="userId"/> uploaded, in the order given (others are dropped).</summary>
    public static async Task<IReadOnlyList<Uploaded>> UploadedAsync(EofficeDbContext db, Guid? userId, IEnumerable<Guid>? ids, CancellationToken cancellationToken)
    {
        var wanted = (ids ?? []).Distinct().ToList();
        if (wanted.Count == 0 || userId is null)
        {
            return [];
        }

        var files = await db.Set<StoredFile>().AsNoTracking().Where(f => wanted.Contains(f.Id) && f.CreatedBy == userId).ToListAsync(cancellationToken);
        return wanted.Select(id => files.FirstOrDefault(f => f.Id == id)).OfType<StoredFile>().Select(f => new Uploaded(f.Id, f.FileName, f.Length)).ToList();
    }
}
