using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Search.Contracts;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Outgoing;

/// <summary>
/// Outgoing documents in the one search index: metadata, number and symbol once issued, drafter and drafting unit,
/// recipients (lines, addressees and delivery list), the opinions and instructions of its review, and every file of
/// every version (main, annexes, layout PDF), the signed and the issued PDFs. Its readers are the principals of its
/// access rows, exactly as <see cref="OutgoingAccessControl.Visible"/> decides. A cancelled draft is not indexed.
/// </summary>
public sealed class OutgoingSearchSource(EofficeDbContext db, OutgoingAccessControl access) : ISearchSource
{
    public const string KindCode = "outgoing";

    public string Kind => KindCode;

    public string Name => "Văn bản đi";

    public async Task<IReadOnlyList<SearchItem>> LoadAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken)
    {
        var ids = itemIds.ToList();
        var documents = await db.Set<OutgoingDocument>().AsNoTracking()
            .Include(d => d.Assignments).Include(d => d.Events).Include(d => d.Access).Include(d => d.Versions).Include(d => d.Recipients)
            .AsSplitQuery()
            .Where(d => ids.Contains(d.Id) && d.Status != OutgoingStatus.Cancelled)
            .ToListAsync(cancellationToken);
        var registerIds = documents.Select(d => d.RegisterId).Distinct().ToList();
        var registers = await db.Set<Register>().AsNoTracking().Where(r => registerIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        return documents.Select(d => ItemOf(d, registers.GetValueOrDefault(d.RegisterId))).ToList();
    }

    public async Task<IReadOnlyList<Guid>> ItemIdsAsync(Guid? after, int take, CancellationToken cancellationToken)
    {
        var query = db.Set<OutgoingDocument>().AsNoTracking().Where(d => d.Status != OutgoingStatus.Cancelled);
        if (after is { } last)
        {
            query = query.Where(d => d.Id > last);
        }

        return await query.OrderBy(d => d.Id).Select(d => d.Id).Take(take).ToListAsync(cancellationToken);
    }

    public async Task<SearchReaderScope> ReaderScopeAsync(CancellationToken cancellationToken)
    {
        var viewer = await access.ViewerAsync(cancellationToken);
        return new SearchReaderScope(viewer.AgencyId, false, viewer.Principals);
    }

    private static SearchItem ItemOf(OutgoingDocument d, string? registerName)
    {
        var m = d.Metadata;
        var code = m.CodeText;
        var fields = new List<SearchField>
        {
            new("Số, ký hiệu", code, IsCode: true),
            new("Loại văn bản", m.TypeName),
            new("Cơ quan ban hành", m.IssuingOrganName),
            new("Trích yếu", m.Subject),
            new("Người ký", m.SignerText),
            new("Ghi chú", m.Description),
            new("Người soạn thảo", d.DrafterName),
            new("Đơn vị soạn thảo", d.DraftingUnitName),
            new("Nơi nhận", string.Join("; ", d.RecipientLines)),
            new("Kính gửi", string.Join("; ", d.Addressees)),
            new("Gửi đến", string.Join("; ", d.Recipients.OrderBy(r => r.SortOrder).Select(r => r.Name))),
            new("Người ký duyệt", d.SignedByName),
            new("Lý do thu hồi", d.WithdrawReason),
        };
        foreach (var a in d.Assignments.OrderBy(a => a.SentAt))
        {
            fields.Add(new SearchField("Ý kiến chỉ đạo", a.Instruction));
            fields.Add(new SearchField("Ý kiến", a.Result));
        }

        foreach (var e in d.Events.OrderBy(e => e.At).Where(e => !string.IsNullOrWhiteSpace(e.Text)))
        {
            fields.Add(new SearchField("Ý kiến", e.Text));
        }

        var files = d.Versions.OrderBy(v => v.Number)
            .SelectMany(v => new[] { v.MainFileId, v.LayoutFileId }.OfType<Guid>().Concat(v.Annexes.Select(a => a.FileId)))
            .Concat(new[] { d.SignedFileId, d.IssuedFileId }.OfType<Guid>())
            .Concat(d.IssuedAnnexes.Select(a => a.FileId))
            .Distinct().ToList();
        var date = d.IssuedAt ?? d.CreatedAt;
        return new SearchItem(
            d.Id,
            d.AgencyId,
            m.Subject,
            string.IsNullOrEmpty(code) ? null : code,
            OutgoingHandling.Link(d.Id),
            VietnamTime.DateOf(new DateTimeOffset(date, TimeSpan.Zero)),
            new SearchFacetValues(m.TypeCode, m.TypeName, m.IssuingOrganName, d.RegisterId, registerName, d.DraftingUnitId, d.DraftingUnitName,
                d.Status.ToString().ToLowerInvariant(), OutgoingDocument.StatusName(d.Status)),
            fields,
            files,
            d.Access.Select(a => a.PrincipalId).Distinct().ToList());
    }
}
