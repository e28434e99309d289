using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Search.Contracts;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>
/// Incoming documents in the one search index: every metadata field, the arrival number ("12/2026"), the places it was
/// sent to, the instructions, results and opinions of its handling, and the files attached to it. Its readers are the
/// principals of its access rows and its register (whose keepers see it), exactly as <see cref="IncomingAccessControl.Visible"/>
/// decides; an agency-wide tracker reads all of the agency's. A cancelled registration is not indexed (it is gone from search).
/// </summary>
public sealed class IncomingSearchSource(EofficeDbContext db, IncomingAccessControl access) : ISearchSource
{
    public const string KindCode = "incoming";

    public string Kind => KindCode;

    public string Name => "Văn bản đến";

    public async Task<IReadOnlyList<SearchItem>> LoadAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken)
    {
        var ids = itemIds.ToList();
        var documents = await db.Set<IncomingDocument>().AsNoTracking()
            .Include(d => d.Assignments).Include(d => d.Events).Include(d => d.Access).Include(d => d.Attachments)
            .AsSplitQuery()
            .Where(d => ids.Contains(d.Id) && d.Status != IncomingStatus.Cancelled)
            .ToListAsync(cancellationToken);
        var registerIds = documents.Select(d => d.RegisterId).Distinct().ToList();
        var registers = await db.Set<Register>().AsNoTracking().Where(r => registerIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        return documents.Select(d => ItemOf(d, registers.GetValueOrDefault(d.RegisterId))).ToList();
    }

    public async Task<IReadOnlyList<Guid>> ItemIdsAsync(Guid? after, int take, CancellationToken cancellationToken)
    {
        var query = db.Set<IncomingDocument>().AsNoTracking().Where(d => d.Status != IncomingStatus.Cancelled);
        if (after is { } last)
        {
            query = query.Where(d => d.Id > last);
        }

        return await query.OrderBy(d => d.Id).Select(d => d.Id).Take(take).ToListAsync(cancellationToken);
    }

    public async Task<SearchReaderScope> ReaderScopeAsync(CancellationToken cancellationToken)
    {
        var viewer = await access.ViewerAsync(cancellationToken);
        return new SearchReaderScope(viewer.AgencyId, viewer.AgencyWideTracker, viewer.Principals);
    }

    private static SearchItem ItemOf(IncomingDocument d, string? registerName)
    {
        var m = d.Metadata;
        var lead = d.Assignments.Where(a => a.RecipientUnitId != null && a.Role == AssignmentRole.Lead).OrderBy(a => a.Depth).ThenBy(a => a.SentAt)
            .FirstOrDefault();
        var arrival = $"{d.ArrivalNumber}/{d.Year}";
        var fields = new List<SearchField>
        {
            new("Số, ký hiệu", d.CodeText, IsCode: true),
            new("Số đến", arrival, IsCode: true),
            new("Loại văn bản", m.TypeName),
            new("Cơ quan ban hành", m.IssuingOrganName),
            new("Trích yếu", m.Subject),
            new("Người ký", m.SignerText),
            new("Ghi chú", m.Description),
            new("Nơi nhận", d.ToPlaces),
            new("Phụ lục bản giấy", m.PaperAppendixNote),
            new("Xử lý trên giấy", d.PaperHandlingNote),
            new("Hồ sơ", d.DossierTitle),
        };
        foreach (var a in d.Assignments.OrderBy(a => a.SentAt))
        {
            fields.Add(new SearchField("Ý kiến chỉ đạo", a.Instruction));
            fields.Add(new SearchField("Kết quả xử lý", a.Result));
        }

        foreach (var e in d.Events.OrderBy(e => e.At).Where(e => !string.IsNullOrWhiteSpace(e.Text)))
        {
            fields.Add(new SearchField(IncomingEventKinds.Name(e.Kind), e.Text));
        }

        var files = d.Attachments.OrderBy(a => a.SortOrder).Select(a => a.FileId)
            .Concat(d.Events.Where(e => e.FileId != null).Select(e => e.FileId!.Value)).Distinct().ToList();
        var readers = d.Access.Select(a => a.PrincipalId).Append(d.RegisterId).Distinct().ToList();
        return new SearchItem(
            d.Id,
            d.AgencyId,
            m.Subject,
            string.IsNullOrEmpty(d.CodeText) ? null : d.CodeText,
            IncomingHandling.Link(d.Id),
            VietnamTime.DateOf(new DateTimeOffset(d.ArrivalAt, TimeSpan.Zero)),
            new SearchFacetValues(m.TypeCode, m.TypeName, m.IssuingOrganName, d.RegisterId, registerName, lead?.RecipientUnitId, lead?.RecipientName,
                IncomingNames.Json(d.Status), IncomingNames.Name(d.Status)),
            fields,
            files,
            readers);
    }
}
