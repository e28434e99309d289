using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Platform.Jobs;

/// <summary>
/// What administrators see of the background work and what they may do about it: recurring jobs with their last
/// outcome, the outbox backlog and its failures, "run now" and "retry". The page and the JSON API share it.
/// </summary>
public sealed class JobsAdministration(EofficeDbContext db, UnitOfWork unitOfWork, TimeProvider time, RecurringJobSignal jobSignal, OutboxSignal outboxSignal)
{
    public const int MessageListLimit = 200;

    public sealed record JobDto(
        string Name,
        string DisplayName,
        JobRunState State,
        bool IsEnabled,
        DateTime? LastStartedAt,
        DateTime? LastFinishedAt,
        DateTime? LastSucceededAt,
        DateTime NextRunAt,
        int ConsecutiveFailures,
        string? LastError,
        string? LockedBy);

    public sealed record OutboxMessageDto(
        long Id,
        string Type,
        DateTime CreatedAt,
        DateTime AvailableAt,
        int Attempts,
        DateTime? FailedAt,
        string? LastError,
        string? LockedBy);

    /// <summary>Counts over the whole table, and the messages in the requested state (newest first, at most <see cref="MessageListLimit"/>).</summary>
    public sealed record OutboxOverview(int Pending, int Failed, int Processed, string State, IReadOnlyList<OutboxMessageDto> Messages);

    /// <summary>Message states an administrator can list.</summary>
    public static class OutboxStates
    {
        /// <summary>Waiting for a first attempt or for a retry (with the error of the last attempt, if any).</summary>
        public const string Pending = "pending";

        /// <summary>Given up after the maximum number of attempts (dead): waits for "Thử lại".</summary>
        public const string Failed = "failed";
    }

    public async Task<IReadOnlyList<JobDto>> ListJobsAsync(CancellationToken cancellationToken) =>
        await db.Set<JobState>().AsNoTracking()
            .OrderBy(j => j.Name)
            .Select(j => new JobDto(j.Name, j.DisplayName, j.State, j.IsEnabled, j.LastStartedAt, j.LastFinishedAt,
                j.LastSucceededAt, j.NextRunAt, j.ConsecutiveFailures, j.LastError, j.LockedBy))
            .ToListAsync(cancellationToken);

    /// <summary>Makes the job due now and wakes this node's runner. Unknown name → 404; disabled or running → 409.</summary>
    public async Task RunNowAsync(string name, CancellationToken cancellationToken)
    {
        var job = await db.Set<JobState>().FirstOrDefaultAsync(j => j.Name == name, cancellationToken)
            ?? throw RuleException.NotFound("Không tìm thấy tác vụ nền.");
        var now = time.GetUtcNow().UtcDateTime;
        if (!job.IsEnabled)
        {
            throw RuleException.Conflict("Tác vụ này đang bị tắt trong cấu hình nên không thể chạy.");
        }

        if (job.IsRunningAt(now))
        {
            throw RuleException.Conflict("Tác vụ đang chạy; hãy đợi lượt chạy hiện tại kết thúc.");
        }

        job.RunNow(now);
        await unitOfWork.CommitAsync(new AuditEvent("jobs.run-now", "job", job.Name), cancellationToken);
        jobSignal.Signal.Set();
    }

    public async Task<OutboxOverview> GetOutboxAsync(string? state, CancellationToken cancellationToken)
    {
        state = string.IsNullOrWhiteSpace(state) ? OutboxStates.Pending : state.Trim().ToLowerInvariant();
        var messages = db.Set<OutboxMessage>().AsNoTracking();
        var selected = state switch
        {
            OutboxStates.Pending => messages.Where(m => m.ProcessedAt == null && m.FailedAt == null),
            OutboxStates.Failed => messages.Where(m => m.FailedAt != null),
            _ => throw RuleException.Invalid("Trạng thái không hợp lệ: chỉ nhận \"pending\" hoặc \"failed\".", "state"),
        };

        var pending = await messages.CountAsync(m => m.ProcessedAt == null && m.FailedAt == null, cancellationToken);
        var failed = await messages.CountAsync(m => m.FailedAt != null, cancellationToken);
        var processed = await messages.CountAsync(m => m.ProcessedAt != null, cancellationToken);
        var list = await selected.OrderByDescending(m => m.Id).Take(MessageListLimit)
            .Select(m => new OutboxMessageDto(m.Id, m.Type, m.CreatedAt, m.AvailableAt, m.Attempts, m.FailedAt, m.LastError, m.LockedBy))
            .ToListAsync(cancellationToken);
        return new OutboxOverview(pending, failed, processed, state, list);
    }

    /// <summary>Gives a dead message a fresh set of attempts, starting now. Unknown id → 404; not dead → 409.</summary>
    public async Task RetryAsync(long id, CancellationToken cancellationToken)
    {
        var message = await db.Set<OutboxMessage>().FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw RuleException.NotFound("Không tìm thấy thông điệp.");
        if (!message.IsDead)
        {
            throw RuleException.Conflict("Chỉ thử lại được thông điệp đã thất bại hẳn.");
        }

        message.Retry(time.GetUtcNow().UtcDateTime);
        await unitOfWork.CommitAsync(new AuditEvent("jobs.outbox.retry", "outbox-message", message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Details: message.Type), cancellationToken);
        outboxSignal.Signal.Set();
    }
}
