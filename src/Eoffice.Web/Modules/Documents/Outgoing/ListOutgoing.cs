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

public sealed record OutgoingCounts(int Drafts, int Waiting, int Submitted, int ToIssue, int Issued);

/// <summary>
/// The outgoing lists: "Dự thảo của tôi", "Chờ tôi xử lý", "Đã trình", "Chờ phát hành", "Đã phát hành", newest first,
/// each read along an index of its own (M0030: drafter × status × created; recipient × status; sender × status; register
/// × status × issued; access principal). <c>GET /api/v1/documents/outgoing</c>, <c>GET /api/v1/documents/outgoing/counts</c>.
/// </summary>
public sealed class ListOutgoing(EofficeDbContext db, OutgoingAccessControl access)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxPage = 500;

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
        var rows = await Query(box, v, request).Skip((page - 1) * pageSize).Take(pageSize + 1).ToListAsync(cancellationToken);
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

    /// <summary>How many documents each list holds for the signed-in viewer (the tabs' badges).</summary>
    public async Task<OutgoingCounts> CountAsync(CancellationToken cancellationToken) =>
        await CountAsync(await access.ViewerAsync(cancellationToken), cancellationToken);

    public async Task<OutgoingCounts> CountAsync(OutgoingViewer v, CancellationToken cancellationToken)
    {
        var none = new Request();
        async Task<int> Count(OutgoingBox box) => await Query(box, v, none).CountAsync(cancellationToken);
        return new OutgoingCounts(await Count(OutgoingBox.Drafts), await Count(OutgoingBox.Waiting), await Count(OutgoingBox.Submitted),
            await Count(OutgoingBox.ToIssue), await Count(OutgoingBox.Issued));
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
                // Open steps and requests for comments addressed to me, my delegators or a unit I lead; and my drafts sent back to me.
                var held = assignments.Where(a => a.Status == AssignmentStatus.Open
                        && ((a.RecipientUserId != null && users.Contains(a.RecipientUserId.Value)) || (a.RecipientUnitId != null && units.Contains(a.RecipientUnitId.Value))))
                    .Join(documents.Where(d => d.Status == OutgoingStatus.InReview), a => a.OwnerId, d => d.Id,
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
                var sent = assignments.Where(a => a.ParentId == null && users.Contains(a.SenderId))
                    .GroupBy(a => a.OwnerId).Select(g => new { DocumentId = g.Key, SentAt = g.Max(a => a.SentAt) });
                return sent.Join(documents.Where(d => d.Status == OutgoingStatus.InReview || d.Status == OutgoingStatus.ToIssue), s => s.DocumentId, d => d.Id,
                        (s, d) => new Raw { DocumentId = d.Id, SortAt = s.SentAt, SentAt = s.SentAt, IsConsultation = false })
                    .OrderByDescending(x => x.SortAt).ThenByDescending(x => x.DocumentId);
            }

            case OutgoingBox.ToIssue:
                return documents.Where(d => registers.Contains(d.RegisterId) && d.Status == OutgoingStatus.ToIssue)
                    .OrderByDescending(d => d.SignedAt).ThenByDescending(d => d.Id)
                    .Select(d => new Raw { DocumentId = d.Id, SortAt = d.SignedAt ?? d.CreatedAt, SentAt = d.SignedAt, IsConsultation = false });

            case OutgoingBox.Issued:
            default:
            {
                // Those of the registers I keep (one index range each) and those I took part in (my access rows), merged.
                var principals = v.Principals.ToList();
                var issued = documents.Where(d => d.Status == OutgoingStatus.Issued || d.Status == OutgoingStatus.Recalled);
                var kept = issued.Where(d => registers.Contains(d.RegisterId)).Select(d => d.Id);
                var mine = db.Set<OutgoingAccess>().Where(a => principals.Contains(a.PrincipalId)).Select(a => a.OwnerId);
                return issued.Where(d => kept.Contains(d.Id) || mine.Contains(d.Id))
                    .OrderByDescending(d => d.IssuedAt).ThenByDescending(d => d.Id)
                    .Select(d => new Raw { DocumentId = d.Id, SortAt = d.IssuedAt ?? d.CreatedAt, SentAt = d.IssuedAt, IsConsultation = false });
            }
        }
    }

    /// <summary>The agency's documents narrowed by the request's filters (the box decides access).</summary>
    private IQueryable<OutgoingDocument> Filtered(OutgoingViewer v, Request r)
    {
        var q = db.Set<OutgoingDocument>().AsNoTracking().Where(d => d.AgencyId == v.AgencyId);
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
