using System.Globalization;
using System.Linq.Expressions;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Text;
using Eoffice.Web.Platform.Time;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>The tabs of the incoming lists.</summary>
public enum IncomingBox
{
    /// <summary>Chờ xử lý: open assignments of mine, my delegators' and the units I lead (not "for information").</summary>
    Pending,

    /// <summary>Đang xử lý: those I forwarded and others are handling.</summary>
    InProgress,

    /// <summary>Đã xử lý: finished or returned.</summary>
    Done,

    /// <summary>Nhận để biết: open ones first.</summary>
    ForInformation,

    /// <summary>Quá hạn: active ones past their due date.</summary>
    Overdue,

    /// <summary>Theo dõi: what the units I track (agency-wide: the whole agency) are handling.</summary>
    Tracking,

    /// <summary>Sổ văn bản đến: every document of the registers I keep, with a "chờ trình" marker.</summary>
    Register,
}

/// <summary>One line of an incoming list.</summary>
public sealed record IncomingListRow(
    Guid DocumentId,
    Guid? AssignmentId,
    int ArrivalNumber,
    int Year,
    DateTime ArrivalAt,
    string Code,
    string IssuingOrganName,
    string Subject,
    Urgency Urgency,
    string UrgencyName,
    bool IsUrgent,
    string? SenderName,
    AssignmentRole? Role,
    string? RoleName,
    AssignmentStatus? AssignmentStatus,
    IncomingStatus Status,
    string StatusName,
    DateOnly? DueDate,
    DeadlineState Deadline,
    string DeadlineName,
    bool IsRead,
    bool AwaitingPresentation,
    bool ReturnedToClerk,
    string? Handlers,
    string Link);

/// <summary>One page of a list; <see cref="NextCursor"/> continues after its last row (keyset paging).</summary>
public sealed record IncomingListPage(string Box, IReadOnlyList<IncomingListRow> Items, int Page, int PageSize, bool HasMore, string? NextCursor);

/// <summary>
/// The incoming lists (regulation 000 Điều 6, 001 Điều 9.6, 004 Điều 7): "Chờ xử lý", "Đang xử lý", "Đã xử lý",
/// "Nhận để biết", "Quá hạn", "Theo dõi" and, for the registers' keepers, "Sổ văn bản đến". Urgent documents first, then
/// the newest. <c>GET /api/v1/documents/incoming</c>.
/// </summary>
/// <remarks>
/// Built to stay fast with millions of rows: every list is the merge of a few streams that each read one range of an
/// index in order — (recipient, status, urgency, sent time) for assignments, (agency, status, urgency, arrival time) and
/// (register, urgency, arrival time) for documents — one urgency level at a time, so a page reads about a page of rows
/// per stream. <c>after</c> (the previous page's <see cref="IncomingListPage.NextCursor"/>) continues without an offset;
/// <c>page</c> alone skips rows (fine for the first pages a person clicks through).
/// </remarks>
public sealed class ListIncoming(EofficeDbContext db, IncomingAccessControl access, IncomingDefaults defaults, WorkingDayCalendar calendar)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxPage = 500;

    /// <summary>The query string of a list. Dates are Vietnam arrival dates (yyyy-MM-dd), inclusive.</summary>
    public sealed record Request : IValidatableRequest
    {
        [FromQuery(Name = "box")] public string? Box { get; init; }

        [FromQuery(Name = "from")] public DateOnly? From { get; init; }

        [FromQuery(Name = "to")] public DateOnly? To { get; init; }

        [FromQuery(Name = "registerId")] public Guid? RegisterId { get; init; }

        [FromQuery(Name = "type")] public string? Type { get; init; }

        [FromQuery(Name = "organ")] public string? Organ { get; init; }

        [FromQuery(Name = "urgency")] public Urgency? Urgency { get; init; }

        [FromQuery(Name = "status")] public IncomingStatus? Status { get; init; }

        [FromQuery(Name = "assigneeId")] public Guid? AssigneeId { get; init; }

        [FromQuery(Name = "q")] public string? Q { get; init; }

        [FromQuery(Name = "page")] public int? Page { get; init; }

        [FromQuery(Name = "pageSize")] public int? PageSize { get; init; }

        [FromQuery(Name = "after")] public string? After { get; init; }

        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (Box is not null && ParseBox(Box) is null)
            {
                errors["box"] = ["Danh sách không hợp lệ."];
            }

            if (From is { } f && To is { } t && t < f)
            {
                errors["to"] = ["Ngày đến (đến ngày) phải sau ngày bắt đầu."];
            }

            if (Page is < 1 or > MaxPage)
            {
                errors["page"] = [$"Số trang từ 1 đến {MaxPage}."];
            }

            if (PageSize is < 1 or > MaxPageSize)
            {
                errors["pageSize"] = [$"Số dòng mỗi trang từ 1 đến {MaxPageSize}."];
            }

            if (After is not null && Cursor.Parse(After) is null)
            {
                errors["after"] = ["Vị trí trang không hợp lệ."];
            }

            if (Urgency is { } u && !Enum.IsDefined(u))
            {
                errors["urgency"] = ["Độ khẩn không hợp lệ."];
            }

            if (Status is { } s && !Enum.IsDefined(s))
            {
                errors["status"] = ["Trạng thái không hợp lệ."];
            }

            if (Q?.Length > 200 || Organ?.Length > 200)
            {
                errors[Q?.Length > 200 ? "q" : "organ"] = ["Tối đa 200 ký tự."];
            }

            return errors;
        }
    }

    public static readonly IReadOnlyList<(IncomingBox Box, string Slug, string Name)> Boxes =
    [
        (IncomingBox.Pending, "cho-xu-ly", "Chờ xử lý"),
        (IncomingBox.InProgress, "dang-xu-ly", "Đang xử lý"),
        (IncomingBox.Done, "da-xu-ly", "Đã xử lý"),
        (IncomingBox.ForInformation, "nhan-de-biet", "Nhận để biết"),
        (IncomingBox.Overdue, "qua-han", "Quá hạn"),
        (IncomingBox.Tracking, "theo-doi", "Theo dõi"),
        (IncomingBox.Register, "so-van-ban", "Sổ văn bản đến"),
    ];

    public static IncomingBox? ParseBox(string? slug) =>
        string.IsNullOrWhiteSpace(slug) ? IncomingBox.Pending
        : Boxes.Where(b => b.Slug == slug.Trim() || string.Equals(b.Box.ToString(), slug.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(b => (IncomingBox?)b.Box).FirstOrDefault();

    public static string Slug(IncomingBox box) => Boxes.First(b => b.Box == box).Slug;

    public async Task<IncomingListPage> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        return await ListAsync(await access.ViewerAsync(cancellationToken), request, cancellationToken);
    }

    /// <summary>The list as <paramref name="v"/> sees it (the benchmark calls this with a viewer it made).</summary>
    public async Task<IncomingListPage> ListAsync(IncomingViewer v, Request request, CancellationToken cancellationToken)
    {
        var box = ParseBox(request.Box) ?? IncomingBox.Pending;
        var pageSize = request.PageSize ?? DefaultPageSize;
        var cursor = request.After is null ? null : Cursor.Parse(request.After);
        var page = cursor is null ? request.Page ?? 1 : 1;
        var skip = (page - 1) * pageSize;
        var today = calendar.Today;

        var tiers = Tiers(box, v, request, today);
        var rows = await ReadAsync(tiers, cursor, skip + pageSize + 1, cancellationToken);
        var pageRows = rows.Skip(skip).Take(pageSize).ToList();
        var hasMore = rows.Count > skip + pageSize;
        var settings = await defaults.SettingsAsync(v.AgencyId, cancellationToken);
        var items = pageRows.Select(r => ToRow(r, today, settings.ReminderDaysBefore)).ToList();
        var next = hasMore && pageRows.Count > 0 ? pageRows[^1].Key.ToString() : null;
        return new IncomingListPage(Slug(box), items, page, pageSize, hasMore, next);
    }

    // ---- streams ---------------------------------------------------------------------------------------------------

    /// <summary>A row as read, with its sort key.</summary>
    internal sealed class Raw
    {
        public Guid DocumentId { get; init; }

        public Guid? AssignmentId { get; init; }

        public Urgency Urgency { get; init; }

        public DateTime SortAt { get; init; }

        public Guid SortId { get; init; }

        public int Year { get; init; }

        public int ArrivalNumber { get; init; }

        public DateTime ArrivalAt { get; init; }

        public string? CodeNumber { get; init; }

        public string? CodeNotation { get; init; }

        public string IssuingOrganName { get; init; } = "";

        public string Subject { get; init; } = "";

        public IncomingStatus Status { get; init; }

        public bool ReturnedToClerk { get; init; }

        public DateOnly? DocumentDueDate { get; init; }

        public string? ToPlaces { get; init; }

        public string? SenderName { get; init; }

        public AssignmentRole? Role { get; init; }

        public AssignmentStatus? AssignmentStatus { get; init; }

        public DateOnly? AssignmentDueDate { get; init; }

        public DateTime? ReadAt { get; init; }

        public int Tier { get; set; }

        public Cursor Key => new(Tier, Urgency, SortAt, SortId);
    }

    /// <summary>
    /// One ordered source: a query for one urgency level, ordered by time then id (newest first), optionally bounded
    /// above by a time. A tier is a set of sources merged together; tiers come one after another.
    /// </summary>
    internal delegate IQueryable<Raw> Source(Urgency urgency, DateTime? atOrBefore, DateTime? exactly);

    internal sealed record Tier(IReadOnlyList<Source> Sources);

    private IReadOnlyList<Tier> Tiers(IncomingBox box, IncomingViewer v, Request r, DateOnly today)
    {
        var documents = FilteredDocuments(v, r);
        switch (box)
        {
            case IncomingBox.Pending:
                return [AssignmentTier(v, documents, [AssignmentStatus.Open], a => a.Role != AssignmentRole.ForInformation)];
            case IncomingBox.InProgress:
                return [AssignmentTier(v, documents, [AssignmentStatus.Forwarded], a => a.Role != AssignmentRole.ForInformation)];
            case IncomingBox.Done:
                return [AssignmentTier(v, documents, [AssignmentStatus.Done, AssignmentStatus.Returned], null)];
            case IncomingBox.ForInformation:
                return
                [
                    AssignmentTier(v, documents, [AssignmentStatus.Open], a => a.Role == AssignmentRole.ForInformation),
                    AssignmentTier(v, documents, [AssignmentStatus.Done], a => a.Role == AssignmentRole.ForInformation),
                ];
            case IncomingBox.Overdue:
                return [AssignmentTier(v, documents, [AssignmentStatus.Open, AssignmentStatus.Forwarded], a => a.DueDate != null && a.DueDate < today)];
            case IncomingBox.Tracking:
                return [TrackingTier(v, documents, r)];
            case IncomingBox.Register:
            default:
                return [RegisterTier(v, documents, r)];
        }
    }

    /// <summary>The agency's documents narrowed by the request's filters (not by access: the box does that).</summary>
    private IQueryable<IncomingDocument> FilteredDocuments(IncomingViewer v, Request r)
    {
        var q = db.Set<IncomingDocument>().AsNoTracking().Where(d => d.AgencyId == v.AgencyId);
        if (r.From is { } from)
        {
            var start = VietnamTime.ToUtc(from, TimeOnly.MinValue).UtcDateTime;
            q = q.Where(d => d.ArrivalAt >= start);
        }

        if (r.To is { } to)
        {
            var end = VietnamTime.ToUtc(to.AddDays(1), TimeOnly.MinValue).UtcDateTime;
            q = q.Where(d => d.ArrivalAt < end);
        }

        if (r.RegisterId is { } register)
        {
            q = q.Where(d => d.RegisterId == register);
        }

        if (!string.IsNullOrWhiteSpace(r.Type))
        {
            var type = r.Type.Trim();
            q = q.Where(d => d.TypeCode == type);
        }

        if (VietnameseText.Fold(r.Organ) is { Length: > 0 } organ)
        {
            q = q.Where(d => d.IssuingOrganFolded != null && d.IssuingOrganFolded.Contains(organ));
        }

        if (r.Urgency is { } urgency)
        {
            q = q.Where(d => d.Urgency == urgency);
        }

        if (r.Status is { } status)
        {
            q = q.Where(d => d.Status == status);
        }

        if (VietnameseText.Fold(r.Q) is { Length: > 0 } text)
        {
            q = q.Where(d => d.SubjectFolded.Contains(text));
        }

        return q;
    }

    private Tier AssignmentTier(IncomingViewer v, IQueryable<IncomingDocument> documents, AssignmentStatus[] statuses, Expression<Func<Assignment, bool>>? extra)
    {
        var sources = new List<Source>();
        var users = new List<Guid> { v.UserId };
        users.AddRange(v.DelegatorIds.Where(d => d != v.UserId));
        foreach (var status in statuses)
        {
            foreach (var user in users.Distinct())
            {
                var s = status;
                var u = user;
                sources.Add((urgency, before, exactly) => AssignmentRows(
                    db.Set<Assignment>().AsNoTracking().Where(a => a.RecipientUserId == u && a.Status == s && a.Urgency == urgency), extra, documents, before, exactly));
            }

            foreach (var unit in v.LedUnits)
            {
                var s = status;
                var u = unit;
                sources.Add((urgency, before, exactly) => AssignmentRows(
                    db.Set<Assignment>().AsNoTracking().Where(a => a.RecipientUnitId == u && a.Status == s && a.Urgency == urgency), extra, documents, before, exactly));
            }
        }

        return new Tier(sources);
    }

    private static IQueryable<Raw> AssignmentRows(IQueryable<Assignment> assignments, Expression<Func<Assignment, bool>>? extra,
        IQueryable<IncomingDocument> documents, DateTime? before, DateTime? exactly)
    {
        if (extra is not null)
        {
            assignments = assignments.Where(extra);
        }

        if (exactly is { } at)
        {
            assignments = assignments.Where(a => a.SentAt == at);
        }
        else if (before is { } b)
        {
            assignments = assignments.Where(a => a.SentAt < b);
        }

        return assignments
            .Join(documents, a => a.DocumentId, d => d.Id, (a, d) => new Raw
            {
                DocumentId = d.Id,
                AssignmentId = a.Id,
                Urgency = a.Urgency,
                SortAt = a.SentAt,
                SortId = a.Id,
                Year = d.Year,
                ArrivalNumber = d.ArrivalNumber,
                ArrivalAt = d.ArrivalAt,
                CodeNumber = d.CodeNumber,
                CodeNotation = d.CodeNotation,
                IssuingOrganName = d.IssuingOrganName,
                Subject = d.Subject,
                Status = d.Status,
                ReturnedToClerk = d.ReturnedToClerk,
                DocumentDueDate = d.DueDate,
                ToPlaces = d.ToPlaces,
                SenderName = a.SenderName,
                Role = a.Role,
                AssignmentStatus = a.Status,
                AssignmentDueDate = a.DueDate,
                ReadAt = a.ReadAt,
            })
            .OrderByDescending(x => x.SortAt).ThenByDescending(x => x.SortId);
    }

    private Tier TrackingTier(IncomingViewer v, IQueryable<IncomingDocument> documents, Request r)
    {
        if (!v.AgencyWideTracker)
        {
            var units = v.TrackedUnits.ToList();
            if (units.Count == 0)
            {
                return new Tier([]);
            }

            documents = documents.Where(d => db.Set<IncomingAccess>().Any(a => a.DocumentId == d.Id && units.Contains(a.PrincipalId)));
        }

        if (r.AssigneeId is { } assignee)
        {
            documents = documents.Where(d => db.Set<Assignment>().Any(a => a.DocumentId == d.Id && (a.RecipientUserId == assignee || a.RecipientUnitId == assignee)
                && a.Status != AssignmentStatus.Revoked));
        }

        // By default what is being handled now; the status filter shows finished (or other) documents instead.
        var statuses = r.Status is { } s ? [s] : new[] { IncomingStatus.InProgress };
        var agency = v.AgencyId;
        var sources = statuses.Select(status => (Source)((urgency, before, exactly) =>
            DocumentRows(documents.Where(d => d.AgencyId == agency && d.Status == status && d.Urgency == urgency), before, exactly))).ToList();
        return new Tier(sources);
    }

    private Tier RegisterTier(IncomingViewer v, IQueryable<IncomingDocument> documents, Request r)
    {
        var registers = r.RegisterId is { } only ? v.KeptRegisters.Where(k => k == only) : v.KeptRegisters;
        var sources = registers.Select(register => (Source)((urgency, before, exactly) =>
            DocumentRows(documents.Where(d => d.RegisterId == register && d.Urgency == urgency), before, exactly))).ToList();
        return new Tier(sources);
    }

    private static IQueryable<Raw> DocumentRows(IQueryable<IncomingDocument> documents, DateTime? before, DateTime? exactly)
    {
        if (exactly is { } at)
        {
            documents = documents.Where(d => d.ArrivalAt == at);
        }
        else if (before is { } b)
        {
            documents = documents.Where(d => d.ArrivalAt < b);
        }

        return documents.OrderByDescending(d => d.ArrivalAt).ThenByDescending(d => d.Id).Select(d => new Raw
        {
            DocumentId = d.Id,
            Urgency = d.Urgency,
            SortAt = d.ArrivalAt,
            SortId = d.Id,
            Year = d.Year,
            ArrivalNumber = d.ArrivalNumber,
            ArrivalAt = d.ArrivalAt,
            CodeNumber = d.CodeNumber,
            CodeNotation = d.CodeNotation,
            IssuingOrganName = d.IssuingOrganName,
            Subject = d.Subject,
            Status = d.Status,
            ReturnedToClerk = d.ReturnedToClerk,
            DocumentDueDate = d.DueDate,
            ToPlaces = d.ToPlaces,
        });
    }

    /// <summary>
    /// Reads up to <paramref name="needed"/> rows after <paramref name="cursor"/>: tier by tier, urgency level by level
    /// (highest first), merging the tier's sources newest first. Each source reads at most what is still needed.
    /// </summary>
    private static async Task<List<Raw>> ReadAsync(IReadOnlyList<Tier> tiers, Cursor? cursor, int needed, CancellationToken cancellationToken)
    {
        var result = new List<Raw>(needed);
        for (var tier = cursor?.Tier ?? 0; tier < tiers.Count && result.Count < needed; tier++)
        {
            var sources = tiers[tier].Sources;
            if (sources.Count == 0)
            {
                continue;
            }

            var top = cursor is not null && cursor.Tier == tier ? cursor.Urgency : Urgency.Flash;
            for (var level = (int)top; level >= 0 && result.Count < needed; level--)
            {
                var urgency = (Urgency)level;
                var bounded = cursor is not null && cursor.Tier == tier && cursor.Urgency == urgency;
                var merged = new List<Raw>();
                foreach (var source in sources)
                {
                    var want = needed - result.Count;
                    if (bounded)
                    {
                        // Rows at exactly the cursor's time that sort after it (ties broken by id, as the database orders them).
                        var ties = await source(urgency, null, cursor!.At).ToListAsync(cancellationToken);
                        merged.AddRange(ties.Where(t => CompareIds(t.SortId, cursor.Id) < 0));
                    }

                    merged.AddRange(await source(urgency, bounded ? cursor!.At : null, null).Take(want).ToListAsync(cancellationToken));
                }

                foreach (var row in merged)
                {
                    row.Tier = tier;
                }

                merged.Sort(static (a, b) => b.SortAt != a.SortAt ? b.SortAt.CompareTo(a.SortAt) : CompareIds(b.SortId, a.SortId));
                result.AddRange(merged.DistinctBy(m => m.AssignmentId ?? m.DocumentId).Take(needed - result.Count));
            }
        }

        return result;
    }

    /// <summary>Guids in the order both databases sort them (SQLite: upper-case text; PostgreSQL: uuid bytes, the same order).</summary>
    internal static int CompareIds(Guid a, Guid b) =>
        string.CompareOrdinal(a.ToString("D").ToUpperInvariant(), b.ToString("D").ToUpperInvariant());

    private IncomingListRow ToRow(Raw r, DateOnly today, int reminderDays)
    {
        var code = (r.CodeNumber, r.CodeNotation) switch
        {
            (null, null) => "",
            (null, var n) => n!,
            (var c, null) => c!,
            var (c, n) => $"{c}/{n}",
        };
        var isAssignment = r.AssignmentId is not null;
        var due = isAssignment ? r.AssignmentDueDate : r.DocumentDueDate;
        var active = isAssignment ? r.AssignmentStatus is { } s && s.IsActive() : r.Status == IncomingStatus.InProgress;
        var deadline = Deadlines.StateOf(calendar, due, active, today, reminderDays);
        return new IncomingListRow(
            r.DocumentId, r.AssignmentId, r.ArrivalNumber, r.Year, r.ArrivalAt, code, r.IssuingOrganName, r.Subject, r.Urgency,
            UrgencyNames.Name(r.Urgency), r.Urgency >= Urgency.Urgent, r.SenderName, r.Role, r.Role is { } role ? IncomingNames.Name(role) : null,
            r.AssignmentStatus, r.Status,
            r.AssignmentStatus is { } st ? IncomingNames.Name(st) : IncomingNames.Name(r.Status),
            due, deadline, Deadlines.Name(deadline),
            !isAssignment || r.ReadAt is not null,
            r.Status == IncomingStatus.Registered,
            r.ReturnedToClerk,
            r.ToPlaces,
            $"/van-ban-den/{r.DocumentId}");
    }

    /// <summary>Where a page ended: tier, urgency, time and id of its last row.</summary>
    public sealed record Cursor(int Tier, Urgency Urgency, DateTime At, Guid Id)
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{Tier}-{(int)Urgency}-{At.Ticks}-{Id:N}");

        public static Cursor? Parse(string? text)
        {
            var parts = text?.Split('-');
            if (parts is not { Length: 4 }
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var tier) || tier is < 0 or > 3
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var urgency) || !Enum.IsDefined((Urgency)urgency)
                || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks < 0 || ticks > DateTime.MaxValue.Ticks
                || !Guid.TryParseExact(parts[3], "N", out var id))
            {
                return null;
            }

            return new Cursor(tier, (Urgency)urgency, new DateTime(ticks, DateTimeKind.Utc), id);
        }
    }

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/incoming", async Task<Ok<IncomingListPage>> ([AsParameters] Request request, ListIncoming handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .RequireAuthorization(Policies.For(DocumentsPermissions.ViewIncoming))
            .ProducesValidationProblem()
            .WithName("ListIncoming")
            .WithSummary("Danh sách văn bản đến theo tab (box = cho-xu-ly, dang-xu-ly, da-xu-ly, nhan-de-biet, qua-han, theo-doi, so-van-ban), lọc và phân trang (after = vị trí trang trước, hoặc page).");
    }
}
