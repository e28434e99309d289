using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.TextExtraction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Modules.Documents.Registers;

/// <summary>
/// <see cref="IElectronicArrivals"/>: the metadata is checked as a clerk's form would be, the files' contents are
/// checked (type from the content, size) before any is written, then staged through the file store and committed with
/// the pending item and its audit entry; the same (agency, sender, external id) again answers the existing item. Two
/// deliveries at once meet the unique index, and the second answers the first one's item.
/// </summary>
public sealed class ElectronicArrivals(EofficeDbContext db, FileStore store, IOptions<StorageOptions> storage, IFileTexts fileTexts, UnitOfWork unitOfWork,
    TimeProvider time) : IElectronicArrivals
{
    public const string DuplicateMessage = "Văn bản này (cùng mã văn bản, cùng cơ quan gửi) đã được nhận.";

    public async Task<ArrivalOutcome> ReceiveAsync(ElectronicArrival arrival, CancellationToken cancellationToken)
    {
        var externalId = arrival.ExternalId.Trim();
        var metadata = DocumentMetadata.Create(InputOf(arrival));
        var senderKey = PendingIncoming.SenderKeyOf(metadata.IssuingOrganId, metadata.IssuingOrganName);
        if (await ExistingAsync(arrival.AgencyId, senderKey, externalId, cancellationToken) is { } existing)
        {
            return new ArrivalOutcome(existing, false);
        }

        if (externalId.Length is 0 or > IncomingDocument.ExternalIdMaxLength)
        {
            throw RuleException.Invalid($"Mã văn bản của bên gửi phải có từ 1 đến {IncomingDocument.ExternalIdMaxLength} ký tự.", "externalId");
        }

        if (arrival.Files.Count > IncomingFields.MaxFiles)
        {
            throw RuleException.Invalid($"Tối đa {IncomingFields.MaxFiles} tệp.", "fileIds");
        }

        CheckContents(arrival.Files);
        var stored = await StoredFilesAsync(arrival, cancellationToken);
        var pending = new PendingIncoming(arrival.AgencyId, externalId, metadata, arrival.Confidentiality, time.GetUtcNow().UtcDateTime,
            arrival.Channel, arrival.PackageSignature);
        for (var i = 0; i < arrival.Files.Count; i++)
        {
            var file = arrival.Files[i];
            var row = file.StoredFileId is { } id
                ? stored[id]
                : await store.StageAsync(new MemoryStream(file.Content!, writable: false), file.FileName, file.ContentType, cancellationToken);
            if (pending.Files.Any(f => f.FileId == row.Id))
            {
                continue;
            }

            pending.AddFile(row.Id, row.Sha256, row.FileName, i == arrival.MainFileIndex);
            await fileTexts.RequestAsync(row.Id, cancellationToken);
        }

        db.Add(pending);
        try
        {
            await unitOfWork.CommitAsync(new AuditEvent("documents.incoming.pending.receive", "pending-incoming", pending.Id.ToString(),
                Details: $"{metadata.IssuingOrganName} ({ChannelName(arrival.Channel)}): {metadata.CodeText} — {metadata.Subject}"), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same document from the same sender arrived at the same moment: the unique index kept the first one.
            db.ChangeTracker.Clear();
            if (await ExistingAsync(arrival.AgencyId, senderKey, externalId, cancellationToken) is { } first)
            {
                return new ArrivalOutcome(first, false);
            }

            throw;
        }

        return new ArrivalOutcome(pending.Id, true);
    }

    public async Task<ArrivalProgress?> ProgressOfAsync(Guid incomingDocumentId, CancellationToken cancellationToken)
    {
        var document = await db.Set<IncomingDocument>().AsNoTracking().Where(d => d.Id == incomingDocumentId && d.ExternalId != null)
            .Select(d => new { d.Id, d.AgencyId, d.ExternalId, d.Status }).FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return null;
        }

        var pendingId = await db.Set<PendingIncoming>().AsNoTracking()
            .Where(p => p.AgencyId == document.AgencyId && p.ExternalId == document.ExternalId && p.DocumentId == document.Id)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        return pendingId is { } id ? new ArrivalProgress(id, document.Status == IncomingStatus.Finished) : null;
    }

    public async Task<bool> RecallRequestedAsync(ArrivalRecall recall, CancellationToken cancellationToken)
    {
        var pending = await db.Set<PendingIncoming>().FirstOrDefaultAsync(p => p.Id == recall.PendingId && p.AgencyId == recall.AgencyId, cancellationToken)
            ?? throw RuleException.NotFound("Không tìm thấy văn bản được yêu cầu thu hồi.");
        var reason = DocumentMetadata.Clean(recall.Reason) ?? "Cơ quan gửi không ghi lý do.";
        if (!pending.RequestRecall(reason, recall.RequestedAt))
        {
            return false;
        }

        await unitOfWork.CommitAsync(new AuditEvent("documents.incoming.pending.recall-request", "pending-incoming", pending.Id.ToString(),
            Details: $"{pending.Metadata.IssuingOrganName} yêu cầu thu hồi {pending.Metadata.CodeText} — {pending.Metadata.Subject}. Lý do: {pending.RecallReason}"),
            cancellationToken);
        return true;
    }

    /// <summary>How the channel is named to the clerk.</summary>
    public static string ChannelName(ArrivalChannel channel) => channel switch
    {
        ArrivalChannel.Eoffice => "Liên thông eOffice",
        ArrivalChannel.NationalAxis => "Trục liên thông văn bản quốc gia",
        ArrivalChannel.Email => "Thư điện tử công vụ",
        _ => "Cổng tiếp nhận (API)",
    };

    private async Task<Guid?> ExistingAsync(Guid agencyId, string senderKey, string externalId, CancellationToken cancellationToken) =>
        await db.Set<PendingIncoming>().AsNoTracking()
            .Where(p => p.AgencyId == agencyId && p.SenderKey == senderKey && p.ExternalId == externalId)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);

    private static DocumentMetadataInput InputOf(ElectronicArrival arrival)
    {
        var d = arrival.Document;
        return new DocumentMetadataInput
        {
            TypeCode = d.TypeCode, CodeNumber = d.CodeNumber, CodeNotation = d.CodeNotation, IssuedDate = d.IssuedDate,
            IssuingOrganId = arrival.Sender.OrganId, IssuingOrganName = arrival.Sender.Name, Subject = d.Subject, Language = d.Language,
            PageAmount = d.PageAmount, Description = d.Description, SignerPosition = d.SignerPosition, SignerFullName = d.SignerFullName,
            Urgency = UrgencyNames.Code(d.Urgency), DueDate = d.DueDate, RequestsComments = d.RequestsComments,
            PaperAppendixNote = d.PaperAppendixNote, PaperAppendixHolder = d.PaperAppendixHolder,
        };
    }

    /// <summary>The upload checks on every file's content before any is written, so that a refused file leaves nothing behind.</summary>
    private void CheckContents(IReadOnlyList<ArrivalFile> files)
    {
        var limit = storage.Value.MaxFileSizeBytes;
        foreach (var file in files.Where(f => f.StoredFileId is null))
        {
            var content = file.Content ?? throw new ArgumentException("A file has neither content nor a stored id.", nameof(files));
            var name = FileStore.CleanFileName(file.FileName);
            var head = content.AsSpan(0, Math.Min(content.Length, FileTypeSniffer.HeaderLength));
            if (FileTypeSniffer.Sniff(head, name) is { IsAllowed: false } verdict)
            {
                throw new FileRejectedException(verdict.RefusalReason!, StatusCodes.Status415UnsupportedMediaType);
            }

            if (content.LongLength > limit)
            {
                throw new FileRejectedException($"Tệp “{name}” vượt quá dung lượng tối đa cho phép ({StorageOptions.DescribeSize(limit)}).",
                    StatusCodes.Status413PayloadTooLarge);
            }
        }
    }

    /// <summary>The files the gateway uploaded before, which must be its own.</summary>
    private async Task<Dictionary<Guid, StoredFile>> StoredFilesAsync(ElectronicArrival arrival, CancellationToken cancellationToken)
    {
        var ids = arrival.Files.Where(f => f.StoredFileId is not null).Select(f => f.StoredFileId!.Value).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var files = await db.Set<StoredFile>().AsNoTracking()
            .Where(f => ids.Contains(f.Id) && arrival.UploadedBy != null && f.CreatedBy == arrival.UploadedBy).ToListAsync(cancellationToken);
        return files.Count == ids.Count ? files.ToDictionary(f => f.Id) : throw RuleException.Invalid("Tệp của gói tin không tồn tại.", "fileIds");
    }
}
