using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Platform.Audit;

/// <summary>Reading and verifying the audit log: administrators only, and each verification is itself audited.</summary>
public static class AuditApi
{
    public sealed record AuditEntryDto(long Sequence, DateTime OccurredAt, Guid? ActorId, string? ActorName, string Action,
        string ObjectType, string? ObjectId, string? ClientAddress, string Outcome, string? Details, string Hash,
        Guid? OnBehalfOfId = null, string? OnBehalfOfName = null);

    public sealed record AuditPage(IReadOnlyList<AuditEntryDto> Items, long Total, int Page, int PageSize);

    /// <summary>Filters of the audit list; all optional. Dates are inclusive UTC instants.</summary>
    public sealed record AuditQuery(string? Action, string? ObjectType, string? ObjectId, string? Actor, DateTime? From, DateTime? To, int Page = 1, int PageSize = 50);

    public static void MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/audit")
            .WithTags("Nhật ký hệ thống")
            .RequireAuthorization(Policies.For(PlatformPermissions.ViewAuditLog));

        group.MapGet("/", async Task<Ok<AuditPage>> ([AsParameters] AuditQuery query, EofficeDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await QueryAsync(db, query, ct)))
            .WithName("ListAuditEntries")
            .WithSummary("Các bản ghi nhật ký, mới nhất trước, có lọc và phân trang.");

        group.MapPost("/verify", async Task<Ok<AuditVerification>> (AuditChainVerifier verifier, IAuditLog audit, CancellationToken ct) =>
            {
                var result = await verifier.VerifyAsync(ct);
                await audit.RecordAsync(new AuditEvent("audit.verify", "audit-log", null,
                    result.IsIntact ? AuditOutcome.Success : AuditOutcome.Failure,
                    result.IsIntact ? $"{result.EntriesChecked} entries intact" : result.Problem), ct);
                return TypedResults.Ok(result);
            })
            .WithName("VerifyAuditLog")
            .WithSummary("Kiểm tra toàn vẹn chuỗi nhật ký; báo bản ghi đầu tiên bị sửa hoặc bị xóa.");
    }

    public static async Task<AuditPage> QueryAsync(EofficeDbContext db, AuditQuery query, CancellationToken ct)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Max(query.Page, 1);
        var entries = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(e => e.Action.StartsWith(query.Action));
        }

        if (!string.IsNullOrWhiteSpace(query.ObjectType))
        {
            entries = entries.Where(e => e.ObjectType == query.ObjectType);
        }

        if (!string.IsNullOrWhiteSpace(query.ObjectId))
        {
            entries = entries.Where(e => e.ObjectId == query.ObjectId);
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            entries = entries.Where(e => e.ActorName == query.Actor.Trim().ToLowerInvariant());
        }

        if (query.From is { } from)
        {
            entries = entries.Where(e => e.OccurredAt >= from.ToUniversalTime());
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.OccurredAt <= to.ToUniversalTime());
        }

        var total = await entries.LongCountAsync(ct);
        var items = await entries.OrderByDescending(e => e.Sequence)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new AuditEntryDto(e.Sequence, e.OccurredAt, e.ActorId, e.ActorName, e.Action, e.ObjectType, e.ObjectId,
                e.ClientAddress, e.Outcome.ToString(), e.Details, e.Hash, e.OnBehalfOfId, e.OnBehalfOfName))
            .ToListAsync(ct);
        return new AuditPage(items, total, page, pageSize);
    }
}
