using Eoffice.Web.Modules.Cabinet.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Modules.Cabinet;

/// <summary>
/// Purges the files that have waited in the recycle bin longer than <see cref="CabinetOptions.RecycleBinGracePeriod"/>:
/// their versions, grants and stored-file rows go (the contents with the next file garbage collection) and the unit's
/// used storage shrinks by what they held. Safe to repeat.
/// </summary>
public sealed class PurgeRecycleBin(EofficeDbContext db, UnitOfWork unitOfWork, FileStore files, IOptions<CabinetOptions> options, TimeProvider time) : IRecurringJob
{
    public const string JobName = "cabinet.recycle-bin.purge";
    private const int BatchSize = 100;

    public string Name => JobName;

    public string DisplayName => "Dọn thùng rác tủ tài liệu";

    public TimeSpan Interval => TimeSpan.FromHours(6);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.RecycleBinGracePeriod;
        while (true)
        {
            var batch = await db.Set<CabinetFile>().Include(f => f.Versions).Where(f => f.DeletedAt != null && f.DeletedAt < cutoff)
                .OrderBy(f => f.DeletedAt).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            var ids = batch.Select(f => f.Id).ToList();
            db.RemoveRange(await db.Set<CabinetGrant>().Where(g => g.FileId != null && ids.Contains(g.FileId.Value)).ToListAsync(cancellationToken));
            await files.ForgetAsync([.. batch.SelectMany(f => f.Versions).Select(v => v.StoredFileId)], cancellationToken);
            db.RemoveRange(batch);
            var freed = batch.Where(f => f.ChargedUnitId is not null).GroupBy(f => f.ChargedUnitId!.Value)
                .Select(g => (Unit: g.Key, Bytes: g.SelectMany(f => f.Versions).Sum(v => v.Length))).ToList();
            await unitOfWork.CommitAsync(async ct =>
            {
                foreach (var (unit, bytes) in freed)
                {
                    await db.Set<CabinetUnitStorage>().Where(s => s.UnitId == unit)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.UsedBytes, x => x.UsedBytes - bytes), ct);
                }

                return true;
            }, _ => new AuditEvent("cabinet.file.purge", "cabinet", null, Details: $"Xóa hẳn {batch.Count} tệp quá hạn trong thùng rác: "
                + string.Join(", ", batch.Select(f => $"“{f.Name}” ({f.Id})"))), cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
