using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Outgoing;

/// <summary>The tabs of the outgoing lists.</summary>
public enum OutgoingBox
{
    /// <summary>Dự thảo của tôi: my drafts not yet issued (with me, on their way, waiting for the clerk).</summary>
    Drafts,

    /// <summary>Chờ tôi xử lý: steps and requests for comments waiting for me (or my delegators, or a unit I lead), and my drafts sent back to me.</summary>
    Waiting,

    /// <summary>Đã trình: drafts I handed on that are still on their way.</summary>
    Submitted,

    /// <summary>Chờ phát hành: signed documents waiting for the clerks of the registers I keep.</summary>
    ToIssue,

    /// <summary>Đã phát hành: issued (and recalled) documents I took part in or whose register I keep.</summary>
    Issued,
}

/// <summary>One line of an outgoing list.</summary>
public sealed record OutgoingListRow(
    Guid DocumentId,
    string? Code,
    string TypeName,
    string Subject,
    string DraftingUnitName,
    string DrafterName,
    string Status,
    string StatusName,
    string? StepName,
    string? HolderName,
    string UrgencyName,
    bool IsUrgent,
    DateTime CreatedAt,
    DateTime? SentAt,
    DateTime? IssuedAt,
    DateOnly? DueDate,
    bool CameBack,
    bool IsConsultation,
    string Link);

public sealed record OutgoingListPage(string Box, IReadOnlyList<OutgoingListRow> Items, int Page, int PageSize, bool HasMore);

/// <summary>How many documents each list holds, each count stopping at <paramref name="Cap"/> (<see cref="CappedCount"/>: shown as "99+").</summary>
public sealed record OutgoingCounts(int Drafts, int Waiting, int Submitted, int ToIssue, int Issued, int Cap);

/// <summary>
/// The outgoing lists: "Dự thảo của tôi", "Chờ tôi xử lý", "Đã trình", "Chờ phát hành", "Đã phát hành", newest first,
/// each read along an index of its own (M0030: drafter × status × created; recipient × status; register × status ×
/// issued; access principal; M0033: unit recipient × status, agency × status × issued), counts stopping at
/// <see cref="CappedCount.Cap"/>; measured on 300,000 documents in docs/benchmarks.md ("Outgoing lists"). <c>GET /api/v1/documents/outgoing</c>, <c>GET /api/v1/documents/outgoing/counts</c>.
/// </summary>
public sealed class ListOutgoing(EofficeDbContext db, OutgoingAccessControl access)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxPage = 500;

    /// <summary>
    /// Up to this many access rows of a viewer, "Đã phát hành" looks their documents up by id (see IssuedSourcesAsync):
    /// about where that and walking the issued documents cost the same at 300,000 documents.
    /// </summary>
    public const int FewAccessRows = 2000;

    /// <summary>The query string of a list; <c>q</c> searches the subject without diacritics.</summary>
    public sealed record Request : IValidatableRequest
    {
        [FromQuery(Name = "box")] public string? Box { get; init; }

        [FromQuery(Name = "q")] public string? Q { get; init; }

        [FromQuery(Name = "type")] public string? Type { get; init; }

        [FromQuery(Name = "page")] public int? Page { get; init; }

        [FromQuery(Name = "pageSize")] public int? PageSize { get; init; }

        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (Box is not null && ParseBox(Box) is null)
            {
                errors["box"] = ["Danh sách không hợp lệ."];
            }

            if (Page is < 1 or > MaxPage)
            {
                errors["page"] = [$"Số trang từ 1 đến {MaxPage}."];
            }

            if (PageSize is < 1 or > MaxPageSize)
            {
                errors["pageSize"] = [$"Số dòng mỗi trang từ 1 đến {MaxPageSize}."];
            }

            errors.MaxLength("q", Q, 200, "Từ khóa");
            errors.MaxLength("type", Type, 20, "Loại văn bản");
            return errors;
        }
    }

    public static readonly IReadOnlyList<(OutgoingBox Box, string Slug, string Name)> Boxes =
    [
        (OutgoingBox.Drafts, "du-thao", "Dự thảo của tôi"),
        (OutgoingBox.Waiting, "cho-xu-ly", "Chờ tôi xử lý"),
        (OutgoingBox.Submitted, "da-trinh", "Đã trình"),
        (OutgoingBox.ToIssue, "cho-phat-hanh", "Chờ phát hành"),
        (OutgoingBox.Issued, "da-phat-hanh", "Đã phát hành"),
    ];

    public static OutgoingBox? ParseBox(string? slug) =>
        string.IsNullOrWhiteSpace(slug) ? OutgoingBox.Waiting
        : Boxes.Where(b => b.Slug == slug.Trim() || string.Equals(b.Box.ToString(), slug.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(b => (OutgoingBox?)b.Box).FirstOrDefault();

    public static string Slug(OutgoingBox box) => Boxes.First(b => b.Box == box).Slug;

    public async Task<OutgoingListPage> HandleAsync(Request request, CancellationToken cancellationToken) =>
        await ListAsync(await access.ViewerAsync(cancellationToken), request, cancellationToken);

    /// <summary>The list as <paramref name="v"/> sees it (the benchmark calls this with a viewer it made).</summary>
    public async Task<OutgoingListPage> ListAsync(OutgoingViewer v, Request request, CancellationToken cancellationToken)
    {
        var box = ParseBox(request.Box) ?? OutgoingBox.Waiting;
        var pageSize = request.PageSize ?? DefaultPageSize;
        var page = request.Page ?? 1;
        var rows = await RowsAsync(box, v, request, (page - 1) * pageSize, pageSize + 1, cancellationToken);
        var pageRows = rows.Take(pageSize).ToList();
        var documentIds = pageRows.Select(r => r.DocumentId).ToList();
        var details = await db.Set<OutgoingDocument>().AsNoTracking().Where(d => documentIds.Contains(d.Id))
            .Select(d => new
            {
                d.Id, d.Number, d.Metadata.CodeNumber, d.Metadata.CodeNotation, d.Metadata.TypeName, d.Metadata.Subject, d.DraftingUnitName, d.DrafterName,
                d.Status, d.Chain, d.CurrentStep, d.Metadata.Urgency, d.CreatedAt, d.IssuedAt, d.Metadata.DueDate, d.ResumeAt,
                Holder = d.Assignments.Where(a => a.ParentId == null && (a.Status == AssignmentStatus.Open || a.Status == AssignmentStatus.Forwarded))
                    .Select(a => a.RecipientName).FirstOrDefault(),
            })
            .ToDictionaryAsync(d => d.Id, cancellationToken);
        var items = pageRows.Where(r => details.ContainsKey(r.DocumentId)).Select(r =>
        {
            var d = details[r.DocumentId];
            var inChain = d.Status is OutgoingStatus.InReview or OutgoingStatus.ToIssue;
            return new OutgoingListRow(
                d.Id, d.Number is null ? null : $"{d.CodeNumber}/{d.CodeNotation}", d.TypeName, d.Subject, d.DraftingUnitName, d.DrafterName,
                d.Status.ToString(), OutgoingDocument.StatusName(d.Status),
                inChain ? d.Chain.FirstOrDefault(s => s.Number == d.CurrentStep)?.Name : null,
                d.Status == OutgoingStatus.ToIssue ? "Văn thư" : d.Holder,
                UrgencyNames.Name(d.Urgency), d.Urgency >= Urgency.Urgent, d.CreatedAt, r.SentAt, d.IssuedAt, d.DueDate,
                d.Status == OutgoingStatus.Drafting && d.ResumeAt is not null, r.IsConsultation, OutgoingHandling.Link(d.Id));
        }).ToList();
        return new OutgoingListPage(Slug(box), items, page, pageSize, rows.Count > pageSize);
    }

    /// <summary>How many documents each list holds for the signed-in viewer (the tabs' badges), up to <see cref="CappedCount.Cap"/> each.</summary>
    public async Task<OutgoingCounts> CountAsync(CancellationToken cancellationToken) =>
        await CountAsync(await access.ViewerAsync(cancellationToken), cancellationToken);

    public async Task<OutgoingCounts> CountAsync(OutgoingViewer v, CancellationToken cancellationToken)
    {
        // One query: every list's first rows up to the cap, tagged with the list ("Đã phát hành" in its parts, which never
        // overlap: see IssuedSourcesAsync), counted by tag.
        var none = new Request();
        var parts = await IssuedSourcesAsync(v, none, cancellationToken);
        var tagged = new[] { OutgoingBox.Drafts, OutgoingBox.Waiting, OutgoingBox.Submitted, OutgoingBox.ToIssue }
            .Select(box => Query(box, v, none).Take(CappedCount.Cap).Select(_ => box))
            .Concat(parts.Select(part => part.Take(CappedCount.Cap).Select(_ => OutgoingBox.Issued)))
            .Aggregate((all, next) => all.Concat(next));
        var counts = await tagged.GroupBy(box => box).Select(g => new { Box = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Box, x => x.Count, cancellationToken);
        int Count(OutgoingBox box) => Math.Min(counts.GetValueOrDefault(box), CappedCount.Cap);
        return new OutgoingCounts(Count(OutgoingBox.Drafts), Count(OutgoingBox.Waiting), Count(OutgoingBox.Submitted), Count(OutgoingBox.ToIssue),
            Count(OutgoingBox.Issued), CappedCount.Cap);
    }

    /// <summary>
    /// The rows <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/> of a list. "Đã phát hành"
    /// holds every document a clerk's register or a leader ever issued: it is read as a <c>UNION ALL</c> of its parts'
    /// first rows, each part an index range read newest first (no sort of the whole list), then the page of those few rows.
    /// </summary>
    private async Task<List<Raw>> RowsAsync(OutgoingBox box, OutgoingViewer v, Request r, int skip, int take, CancellationToken cancellationToken)
    {
        if (box != OutgoingBox.Issued)
        {
            return await Query(box, v, r).Skip(skip).Take(take).ToListAsync(cancellationToken);
        }

        var merged = (await IssuedSourcesAsync(v, r, cancellationToken))
            .Select(s => IssuedRows(s.OrderByDescending(d => d.IssuedAt).ThenByDescending(d => d.Id).Take(skip + take)))
            .Aggregate((all, next) => all.Concat(next));
        return await merged.OrderByDescending(x => x.SortAt).ThenByDescending(x => x.DocumentId).Skip(skip).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>A row as read: the document, when it came to the list, and whether the viewer is asked for comments.</summary>
    private sealed class Raw
    {
        public Guid DocumentId { get; init; }

        public DateTime SortAt { get; init; }

        public DateTime? SentAt { get; init; }

        public bool IsConsultation { get; init; }
    }

    private IQueryable<Raw> Query(OutgoingBox box, OutgoingViewer v, Request r)
    {
        var documents = Filtered(v, r);
        var users = new List<Guid> { v.UserId };
        users.AddRange(v.Delegations.Select(d => d.DelegatorId).Where(d => d != v.UserId).Distinct());
        var units = v.LedUnits.ToList();
        var registers = v.KeptRegisters.ToList();
        var assignments = db.Set<OutgoingAssignment>().AsNoTracking();
        switch (box)
        {
            case OutgoingBox.Drafts:
                return documents.Where(d => d.DrafterId == v.UserId
                        && (d.Status == OutgoingStatus.Drafting || d.Status == OutgoingStatus.InReview || d.Status == OutgoingStatus.ToIssue))
                    .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
                    .Select(d => new Raw { DocumentId = d.Id, SortAt = d.CreatedAt, SentAt = null, IsConsultation = false });

            case OutgoingBox.Waiting:
            {
                // Open steps and requests for comments addressed to me or my delegators, and those addressed to a unit I
                // lead — one index range each (a hop goes to a person or to a unit, never both, so they never overlap) —
                // and my drafts sent back to me.
                var open = assignments.Where(a => a.Status == AssignmentStatus.Open);
                var addressed = open.Where(a => a.RecipientUserId != null && users.Contains(a.RecipientUserId.Value));
                if (units.Count > 0)
                {
                    addressed = addressed.Concat(open.Where(a => a.RecipientUnitId != null && units.Contains(a.RecipientUnitId.Value)));
                }

                var held = addressed.Join(documents.Where(d => d.Status == OutgoingStatus.InReview), a => a.OwnerId, d => d.Id,
                    (a, d) => new Raw { DocumentId = d.Id, SortAt = a.SentAt, SentAt = a.SentAt, IsConsultation = a.ParentId != null });
                var returned = documents.Where(d => d.DrafterId == v.UserId && d.Status == OutgoingStatus.Drafting && d.ResumeAt != null)
                    .Select(d => new Raw
                    {
                        DocumentId = d.Id,
                        SortAt = d.Assignments.Where(a => a.ParentId == null).Max(a => a.FinishedAt) ?? d.CreatedAt,
                        SentAt = null,
                        IsConsultation = false,
                    });
                return held.Concat(returned).OrderByDescending(x => x.SortAt).ThenByDescending(x => x.DocumentId);
            }

            case OutgoingBox.Submitted:
            {
                // From the documents still on their way (a few thousand at most), not from all I ever handed on (which
                // grows for years): for each, whether I sent one of its steps and when I last did (M0033's index of the
                // steps by document and sender answers both without reading the rows).
                var sent = assignments.Where(a => a.ParentId == null && users.Contains(a.SenderId));
                return documents.Where(d => (d.Status == OutgoingStatus.InReview || d.Status == OutgoingStatus.ToIssue) && sent.Any(a => a.OwnerId == d.Id))
                    .Select(d => new Raw
                    {
                        DocumentId = d.Id,
                        SortAt = sent.Where(a => a.OwnerId == d.Id).Max(a => a.SentAt),
                        SentAt = sent.Where(a => a.OwnerId == d.Id).Max(a => a.SentAt),
                        IsConsultation = false,
                    })
                    .OrderByDescending(x => x.SortAt).ThenByDescending(x => x.DocumentId);
            }

            case OutgoingBox.ToIssue:
                return documents.Where(d => registers.Contains(d.RegisterId) && d.Status == OutgoingStatus.ToIssue)
                    .OrderByDescending(d => d.SignedAt).ThenByDescending(d => d.Id)
                    .Select(d => new Raw { DocumentId = d.Id, SortAt = d.SignedAt ?? d.CreatedAt, SentAt = d.SignedAt, IsConsultation = false });

            default:
                throw new ArgumentOutOfRangeException(nameof(box), box, "\"Đã phát hành\" is read in parts (IssuedSourcesAsync).");
        }
    }

    /// <summary>
    /// "Đã phát hành": issued (and recalled) documents of the registers I keep and those I took part in (my access rows),
    /// as parts that never overlap, each read in list order along an index: per register I keep and status, that
    /// register's documents (M0030); then the documents of other registers with an access row of mine. The registers'
    /// own access rows (<see cref="AccessReason.Registry"/>, written when a draft is created in its register) are on
    /// their documents only, which the first parts list, so the last part reads the viewer's personal rows only. Those
    /// are few for most people: then the documents they name are looked up by id and sorted. A leader's are many: then
    /// the agency's issued documents are read newest first (M0033) and each checked for a row of theirs, which finds a
    /// page after a few documents. Each way is fast only in its own case, so the rows are first read up to
    /// <see cref="FewAccessRows"/>. Only issued and recalled documents have an issue time, which is what the index of
    /// M0033 holds (and what keeps the other lists' queries off it).
    /// </summary>
    private async Task<List<IQueryable<OutgoingDocument>>> IssuedSourcesAsync(OutgoingViewer v, Request r, CancellationToken cancellationToken)
    {
        // The registers' parts name no issue time, which would offer SQLite the issued index for them too (without
        // statistics it then walked every issued document to find the few recalled ones).
        var documents = Filtered(v, r);
        var registers = v.KeptRegisters.ToList();
        var sources = new List<IQueryable<OutgoingDocument>>();
        foreach (var status in new[] { OutgoingStatus.Issued, OutgoingStatus.Recalled })
        {
            sources.AddRange(registers.Select(register => documents.Where(d => d.RegisterId == register && d.Status == status)));
        }

        var issued = Narrowed(db.Set<OutgoingDocument>().AsNoTracking(), r).Where(d => d.IssuedAt != null);
        var agencyIssued = issued.Where(d => d.AgencyId == v.AgencyId);
        var personal = v.Principals.Where(p => !v.KeptRegisters.Contains(p)).Distinct().ToList();
        var named = await db.Set<OutgoingAccess>().AsNoTracking().Where(a => a.AgencyId == v.AgencyId && personal.Contains(a.PrincipalId))
            .Select(a => a.OwnerId).Take(FewAccessRows).ToListAsync(cancellationToken);
        IQueryable<OutgoingDocument> mine;
        if (named.Count < FewAccessRows)
        {
            // By id only (the rows are the agency's), so that the primary key is the one index to read them by.
            var ids = named.Distinct().ToList();
            mine = issued.Where(d => ids.Contains(d.Id));
        }
        else
        {
            mine = agencyIssued.Where(d => d.Access.Any(a => personal.Contains(a.PrincipalId)));
        }

        sources.Add(registers.Count == 0 ? mine : mine.Where(d => !registers.Contains(d.RegisterId)));
        return sources;
    }

    /// <summary>An issued (or recalled) document as a list row: its issue time is set.</summary>
    private static IQueryable<Raw> IssuedRows(IQueryable<OutgoingDocument> documents) =>
        documents.Select(d => new Raw { DocumentId = d.Id, SortAt = d.IssuedAt!.Value, SentAt = d.IssuedAt, IsConsultation = false });

    /// <summary>The agency's documents narrowed by the request's filters (the box decides access).</summary>
    private IQueryable<OutgoingDocument> Filtered(OutgoingViewer v, Request r) =>
        Narrowed(db.Set<OutgoingDocument>().AsNoTracking().Where(d => d.AgencyId == v.AgencyId), r);

    private static IQueryable<OutgoingDocument> Narrowed(IQueryable<OutgoingDocument> q, Request r)
    {
        if (!string.IsNullOrWhiteSpace(r.Type))
        {
            var type = r.Type.Trim();
            q = q.Where(d => d.Metadata.TypeCode == type);
        }

        if (VietnameseText.Fold(r.Q) is { Length: > 0 } text)
        {
            q = q.Where(d => d.SubjectFolded.Contains(text));
        }

        return q;
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/outgoing", async Task<Ok<OutgoingListPage>> ([AsParameters] Request request, ListOutgoing handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.DraftOutgoing))
            .ProducesValidationProblem()
            .WithName("ListOutgoing")
            .WithSummary("Danh sách văn bản đi: dự thảo của tôi, chờ tôi xử lý, đã trình, chờ phát hành, đã phát hành.");
        group.MapGet("/outgoing/counts", async Task<Ok<OutgoingCounts>> (ListOutgoing handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.CountAsync(ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.DraftOutgoing))
            .WithName("CountOutgoing")
            .WithSummary("Số văn bản đi trong từng danh sách của người đang đăng nhập.");
    }
}
