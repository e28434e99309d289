using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Platform.Audit;

/// <summary>The verdict on the audit chain: intact, or the first entry where it breaks and why.</summary>
public sealed record AuditVerification(bool IsIntact, long EntriesChecked, long? FirstBrokenSequence, string? Problem);

/// <summary>Walks the whole chain in order and reports the first altered, missing or re-ordered entry.</summary>
public sealed class AuditChainVerifier(EofficeDbContext db)
{
    private const int BatchSize = 5000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var expectedSequence = 1L;
        var previousHash = AuditEntry.GenesisHash;
        long checkedCount = 0;
        var lastSequence = 0L;

        while (true)
        {
            var batch = await db.Set<AuditEntry>().AsNoTracking()
                .Where(e => e.Sequence > lastSequence)
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return await CheckHeadAsync(checkedCount, lastSequence, previousHash, cancellationToken);
            }

            foreach (var entry in batch)
            {
                if (entry.Sequence != expectedSequence)
                {
                    return Broken(checkedCount, expectedSequence,
                        $"Thiếu bản ghi số {expectedSequence} (bản ghi tiếp theo là số {entry.Sequence}).");
                }

                if (entry.PreviousHash != previousHash)
                {
                    return Broken(checkedCount, entry.Sequence,
                        $"Bản ghi số {entry.Sequence} không nối tiếp bản ghi trước (mã băm trước không khớp).");
                }

                if (entry.ComputeHash() != entry.Hash)
                {
                    return Broken(checkedCount, entry.Sequence, $"Nội dung bản ghi số {entry.Sequence} đã bị thay đổi.");
                }

                previousHash = entry.Hash;
                expectedSequence++;
                checkedCount++;
                lastSequence = entry.Sequence;
            }
        }
    }

    private async Task<AuditVerification> CheckHeadAsync(long checkedCount, long lastSequence, string lastHash, CancellationToken cancellationToken)
    {
        var head = await db.Set<AuditChainHead>().AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var headSequence = head?.Sequence ?? 0;
        if (headSequence != lastSequence || (head is not null && head.Hash != lastHash))
        {
            return headSequence > lastSequence
                ? Broken(checkedCount, lastSequence + 1, $"Thiếu các bản ghi cuối, từ số {lastSequence + 1} đến số {headSequence}.")
                : Broken(checkedCount, lastSequence, $"Bản ghi cuối (số {lastSequence}) không khớp với mốc kiểm tra của chuỗi.");
        }

        return new AuditVerification(true, checkedCount, null, null);
    }

    private static AuditVerification Broken(long checkedCount, long sequence, string problem) =>
        new(false, checkedCount, sequence, problem);
}
