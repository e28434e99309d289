using System.Globalization;
using System.Linq.Expressions;
using Eoffice.Web.Kernel.Handling;
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

/// <summary>
/// One line of an incoming list. <see cref="RequestsComments"/>: the document asks for comments (xin ý kiến);
/// <see cref="Returned"/>: the viewer's part came back to them (or, in the register, the presentation to the clerks), by
/// whom and why.
/// </summary>
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
    string Link,
    bool RequestsComments,
    IncomingReturn? Returned) : IIncomingMarked;

/// <summary>One page of a list; <see cref="NextCursor"/> continues after its last row (keyset paging).</summary>
public sealed record IncomingListPage(string Box, IReadOnlyList<IncomingListRow> Items, int Page, int PageSize, bool HasMore, string? NextCursor);

/// <summary>
/// The incoming lists (regulation 000 Điều 6, 001 Điều 9.6, 004 Điều 7): "Chờ xử lý", "Đang xử lý", "Đã xử lý",
/// "Nhận để biết", "Quá hạn", "Theo dõi" and, for the registers' keepers, "Sổ văn bản đến". Urgent documents first, then
/// the newest. <c>GET /api/v1/documents/incoming</c>.
/// </summary>
/// <remarks>
/// Built to stay fast with millions of rows: every list is one query, a <c>UNION ALL</c> of a few index ranges each read
/// in list order — (recipient, status, urgency, sent time, id) for assignments, (agency, status, urgency, arrival time,
/// id) and (register, urgency, arrival time, id) for documents — so a page reads about a page of rows per range. <c>after</c> (the previous page's <see cref="IncomingListPage.NextCursor"/>) continues without an offset;
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

    /// <summary>The list for the signed-in viewer; the request was validated at the edge (the endpoint filter, the page).</summary>
    public async Task<IncomingListPage> HandleAsync(Request request, CancellationToken cancellationToken) =>
        await ListAsync(await access.ViewerAsync(cancellationToken), request, cancellationToken);

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
        var returns = await ReturnsAsync(pageRows, cancellationToken);
        var items = pageRows.Select(r => ToRow(r, today, settings.ReminderDaysBefore, Returned(r, returns))).ToList();
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

        public AssignmentAwaiting Awaiting { get; init; }

        public DateOnly? AssignmentDueDate { get; init; }

        public DateTime? ReadAt { get; init; }

        public bool RequestsComments { get; init; }

        public bool CameBack { get; init; }

        public int Tier { get; set; }

        public Cursor Key => new(Tier, Urgency, SortAt, SortId);
    }

    /// <summary>
    /// One source: the rows of one index range (one recipient and status, one agency and status, one register), which
    /// the index returns in list order (urgency, time, id — highest first). A tier is a set of sources merged together;
    /// tiers come one after another.
    /// </summary>
    internal delegate IQueryable<Raw> Source();

    internal sealed record Tier(IReadOnlyList<Source> Sources);

    private IReadOnlyList<Tier> Tiers(IncomingBox box, IncomingViewer v, Request r, DateOnly today)
    {
        var documents = FilteredDocuments(v, r);
        switch (box)
        {
            case IncomingBox.Pending:
                return [AssignmentTier(v, documents, [AssignmentStatus.Open], [Work], v.ReceivingUnits)];
            case IncomingBox.InProgress:
                return [AssignmentTier(v, documents, [AssignmentStatus.Forwarded], [Work])];
            case IncomingBox.Done:
                return [AssignmentTier(v, documents, [AssignmentStatus.Done, AssignmentStatus.Returned], [Work, Information])];
            case IncomingBox.ForInformation:
                return
                [
                    AssignmentTier(v, documents, [AssignmentStatus.Open], [Information]),
                    AssignmentTier(v, documents, [AssignmentStatus.Done], [Information]),
                ];
            case IncomingBox.Overdue:
                return [AssignmentTier(v, documents, [AssignmentStatus.Open, AssignmentStatus.Forwarded], [a => a.DueDate != null && a.DueDate < today])];
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
            var start = VietnamTime.StartOfDayUtc(from);
            q = q.Where(d => d.ArrivalAt >= start);
        }

        if (r.To is { } to)
        {
            var end = VietnamTime.EndOfDayUtc(to);
            q = q.Where(d => d.ArrivalAt < end);
        }

        if (r.RegisterId is { } register)
        {
            q = q.Where(d => d.RegisterId == register);
        }

        if (!string.IsNullOrWhiteSpace(r.Type))
        {
            var type = r.Type.Trim();
            q = q.Where(d => d.Metadata.TypeCode == type);
        }

        if (VietnameseText.Fold(r.Organ) is { Length: > 0 } organ)
        {
            q = q.Where(d => d.IssuingOrganFolded != null && d.IssuingOrganFolded.Contains(organ));
        }

        if (r.Urgency is { } urgency)
        {
            q = q.Where(d => d.Metadata.Urgency == urgency);
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

    // Work and information assignments have an inbox index each (M0017); the role is compared with a constant, which
    // both providers need to see in the query to read the matching partial index.
    private static readonly Expression<Func<IncomingAssignment, bool>> Work = a => a.Role != AssignmentRole.ForInformation;
    private static readonly Expression<Func<IncomingAssignment, bool>> Information = a => a.Role == AssignmentRole.ForInformation;

    /// <summary>
    /// One source per status × recipient (me, my delegators, the units I lead) × filter; with <paramref name="receiving"/>,
    /// also what those units (whose registers the viewer keeps) were sent and wait for their clerk.
    /// </summary>
    private Tier AssignmentTier(IncomingViewer v, IQueryable<IncomingDocument> documents, AssignmentStatus[] statuses, Expression<Func<IncomingAssignment, bool>>[] filters,
        IReadOnlySet<Guid>? receiving = null)
    {
        var sources = new List<Source>();
        var users = new List<Guid> { v.UserId };
        users.AddRange(v.DelegatorIds.Where(d => d != v.UserId));
        foreach (var status in statuses)
        {
            foreach (var filter in filters)
            {
                foreach (var user in users.Distinct())
                {
                    var (s, u, f) = (status, user, filter);
                    sources.Add(() => AssignmentRows(db.Set<IncomingAssignment>().AsNoTracking().Where(a => a.RecipientUserId == u && a.Status == s).Where(f), documents));
                }

                foreach (var unit in v.LedUnits)
                {
                    var (s, u, f) = (status, unit, filter);
                    sources.Add(() => AssignmentRows(db.Set<IncomingAssignment>().AsNoTracking().Where(a => a.RecipientUnitId == u && a.Status == s).Where(f), documents));
                }
            }
        }

        foreach (var unit in receiving ?? new HashSet<Guid>())
        {
            var u = unit;
            sources.Add(() => AssignmentRows(db.Set<IncomingAssignment>().AsNoTracking()
                .Where(a => a.RecipientUnitId == u && a.Status == AssignmentStatus.AwaitingReceipt).Where(Work), documents));
        }

        return new Tier(sources);
    }

    private static IQueryable<Raw> AssignmentRows(IQueryable<IncomingAssignment> assignments, IQueryable<IncomingDocument> documents) =>
        assignments
            .Join(documents, a => a.OwnerId, d => d.Id, (a, d) => new Raw
            {
                DocumentId = d.Id,
                AssignmentId = a.Id,
                Urgency = a.Urgency,
                SortAt = a.SentAt,
                SortId = a.Id,
                Year = d.Year,
                ArrivalNumber = d.ArrivalNumber,
                ArrivalAt = d.ArrivalAt,
                CodeNumber = d.Metadata.CodeNumber,
                CodeNotation = d.Metadata.CodeNotation,
                IssuingOrganName = d.Metadata.IssuingOrganName,
                Subject = d.Metadata.Subject,
                Status = d.Status,
                ReturnedToClerk = d.ReturnedToClerk,
                DocumentDueDate = d.Metadata.DueDate,
                ToPlaces = d.ToPlaces,
                SenderName = a.SenderName,
                Role = a.Role,
                AssignmentStatus = a.Status,
                Awaiting = a.Awaiting,
                AssignmentDueDate = a.DueDate,
                ReadAt = a.ReadAt,
                RequestsComments = d.Metadata.RequestsComments,
                CameBack = a.CameBack && a.Status == AssignmentStatus.Open,
            });

    private Tier TrackingTier(IncomingViewer v, IQueryable<IncomingDocument> documents, Request r)
    {
        if (!v.AgencyWideTracker)
        {
            var units = v.TrackedUnits.ToList();
            if (units.Count == 0)
            {
                return new Tier([]);
            }

            documents = documents.Where(d => db.Set<IncomingAccess>().Any(a => a.OwnerId == d.Id && units.Contains(a.PrincipalId)));
        }

        if (r.AssigneeId is { } assignee)
        {
            documents = documents.Where(d => db.Set<IncomingAssignment>().Any(a => a.OwnerId == d.Id && (a.RecipientUserId == assignee || a.RecipientUnitId == assignee)
                && a.Status != AssignmentStatus.Revoked));
        }

        // By default what is being handled now; the status filter shows finished (or other) documents instead.
        var statuses = r.Status is { } s ? [s] : new[] { IncomingStatus.InProgress };
        var agency = v.AgencyId;
        var sources = statuses.Select(status => (Source)(() => DocumentRows(documents.Where(d => d.AgencyId == agency && d.Status == status)))).ToList();
        return new Tier(sources);
    }

    private Tier RegisterTier(IncomingViewer v, IQueryable<IncomingDocument> documents, Request r)
    {
        var registers = r.RegisterId is { } only ? v.KeptRegisters.Where(k => k == only) : v.KeptRegisters;
        var sources = registers.Select(register => (Source)(() => DocumentRows(documents.Where(d => d.RegisterId == register)))).ToList();

        // A unit's register also lists what the agency sent the unit and its clerk received into it, with the unit's number:
        // the document's columns as DocumentRows projects them, the number and time of the receipt (one projection each,
        // as EF translates them; keep their document columns alike).
        sources.AddRange(registers.Where(register => v.ReceivingUnits.Count > 0).Select(register => (Source)(() =>
            db.Set<IncomingUnitReceipt>().AsNoTracking().Where(u => u.RegisterId == register)
                .Join(documents, u => u.DocumentId, d => d.Id, (u, d) => new Raw
                {
                    DocumentId = d.Id,
                    Urgency = d.Metadata.Urgency,
                    SortAt = u.ReceivedAt,
                    SortId = u.Id,
                    Year = u.Year,
                    ArrivalNumber = u.Number,
                    ArrivalAt = u.ReceivedAt,
                    CodeNumber = d.Metadata.CodeNumber,
                    CodeNotation = d.Metadata.CodeNotation,
                    IssuingOrganName = d.Metadata.IssuingOrganName,
                    Subject = d.Metadata.Subject,
                    Status = d.Status,
                    ReturnedToClerk = d.ReturnedToClerk,
                    DocumentDueDate = d.Metadata.DueDate,
                    ToPlaces = d.ToPlaces,
                    RequestsComments = d.Metadata.RequestsComments,
                }))));
        return new Tier(sources);
    }

    private static IQueryable<Raw> DocumentRows(IQueryable<IncomingDocument> documents) =>
        documents.Select(d => new Raw
        {
            DocumentId = d.Id,
            Urgency = d.Metadata.Urgency,
            SortAt = d.ArrivalAt,
            SortId = d.Id,
            Year = d.Year,
            ArrivalNumber = d.ArrivalNumber,
            ArrivalAt = d.ArrivalAt,
            CodeNumber = d.Metadata.CodeNumber,
            CodeNotation = d.Metadata.CodeNotation,
            IssuingOrganName = d.Metadata.IssuingOrganName,
            Subject = d.Metadata.Subject,
            Status = d.Status,
            ReturnedToClerk = d.ReturnedToClerk,
            DocumentDueDate = d.Metadata.DueDate,
            ToPlaces = d.ToPlaces,
            RequestsComments = d.Metadata.RequestsComments,
        });

    /// <summary>
    /// Reads up to <paramref name="needed"/> rows after <paramref name="cursor"/> with one query per tier (usually one
    /// in all): a <c>UNION ALL</c> of every source's first <paramref name="needed"/> rows in list order — each an index
    /// range read backwards, no sort — then the top <paramref name="needed"/> of those few rows. After a cursor a source
    /// contributes two ranges: the rest of the cursor's urgency level (time ≤ the cursor's, ties by id) and the lower levels.
    /// </summary>
    private static async Task<List<Raw>> ReadAsync(IReadOnlyList<Tier> tiers, Cursor? cursor, int needed, CancellationToken cancellationToken)
    {
        var result = new List<Raw>(needed);
        for (var tier = cursor?.Tier ?? 0; tier < tiers.Count && result.Count < needed; tier++)
        {
            var want = needed - result.Count;
            var ranges = new List<IQueryable<Raw>>();
            foreach (var source in tiers[tier].Sources)
            {
                if (cursor is not null && cursor.Tier == tier)
                {
                    var (urgency, at, id) = (cursor.Urgency, cursor.At, cursor.Id);
                    ranges.Add(InListOrder(source().Where(x => x.Urgency == urgency && x.SortAt <= at && (x.SortAt < at || x.SortId.CompareTo(id) < 0)), want));
                    if (urgency > Urgency.Normal)
                    {
                        ranges.Add(InListOrder(source().Where(x => x.Urgency < urgency), want));
                    }
                }
                else
                {
                    ranges.Add(InListOrder(source(), want));
                }
            }

            if (ranges.Count == 0)
            {
                continue;
            }

            var query = ranges.Count == 1 ? ranges[0] : InListOrder(ranges.Skip(1).Aggregate(ranges[0], (all, next) => all.Concat(next)), want);
            var rows = await query.ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                row.Tier = tier;
            }

            result.AddRange(rows.DistinctBy(r => r.AssignmentId ?? r.DocumentId).Take(want));
        }

        return result;
    }

    /// <summary>
    /// The returns behind the page's rows that came back (an assignment reopened by a return, a document returned to its
    /// clerks): one query by the documents' ids over the assignments' document index, only when the page has such a row.
    /// </summary>
    private async Task<ILookup<Guid, IncomingAssignment>> ReturnsAsync(IReadOnlyList<Raw> rows, CancellationToken cancellationToken)
    {
        var documentIds = rows.Where(CameBack).Select(r => r.DocumentId).Distinct().ToList();
        if (documentIds.Count == 0)
        {
            return Enumerable.Empty<IncomingAssignment>().ToLookup(a => a.OwnerId);
        }

        var returned = await db.Set<IncomingAssignment>().AsNoTracking()
            .Where(a => documentIds.Contains(a.OwnerId) && a.Status == AssignmentStatus.Returned).ToListAsync(cancellationToken);
        return returned.ToLookup(a => a.OwnerId);
    }

    /// <summary>An assignment row reopened by a return, or a document row (the register) returned to its clerks.</summary>
    private static bool CameBack(Raw r) => r.AssignmentId is null ? r.ReturnedToClerk : r.CameBack;

    /// <summary>The latest return to the row's part: to its assignment, or for a document row to the clerks (no parent).</summary>
    private static IncomingReturn? Returned(Raw r, ILookup<Guid, IncomingAssignment> returns) =>
        CameBack(r) ? IncomingReturn.LatestTo(returns[r.DocumentId], r.AssignmentId) : null;

    private static IQueryable<Raw> InListOrder(IQueryable<Raw> rows, int take) =>
        rows.OrderByDescending(x => x.Urgency).ThenByDescending(x => x.SortAt).ThenByDescending(x => x.SortId).Take(take);

    private IncomingListRow ToRow(Raw r, DateOnly today, int reminderDays, IncomingReturn? returned)
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
            UrgencyNames.Name(r.Urgency), r.Urgency >= Urgency.Urgent, r.SenderName, r.Role, r.Role is { } role ? HandlingNames.Name(role) : null,
            r.AssignmentStatus, r.Status,
            r.AssignmentStatus is { } st ? HandlingNames.Name(r.Awaiting) ?? HandlingNames.Name(st) : IncomingNames.Name(r.Status),
            due, deadline, Deadlines.Name(deadline),
            !isAssignment || r.ReadAt is not null,
            r.Status == IncomingStatus.Registered,
            r.ReturnedToClerk,
            r.ToPlaces,
            IncomingHandling.Link(r.DocumentId),
            r.RequestsComments,
            returned);
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
