using Eoffice.Web.Platform;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Eoffice.Web.Pages.Admin;

/// <summary>Background work for administrators: recurring jobs, the outbox backlog and failures, "run now" and "retry".</summary>
[RequirePermission(PlatformPermissions.ManageJobs)]
public sealed class JobsModel(JobsAdministration administration) : FormPageModel
{
    public IReadOnlyList<JobsAdministration.JobDto> Jobs { get; private set; } = [];

    public JobsAdministration.OutboxOverview Outbox { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await OnRedisplayAsync(cancellationToken);

    /// <summary>Runs a job now; a disabled or running job is refused on the page (409 on the API).</summary>
    public async Task<IActionResult> OnPostRunAsync(string name, CancellationToken cancellationToken)
    {
        await administration.RunNowAsync(name, cancellationToken);
        Message = $"Đã yêu cầu chạy ngay tác vụ \"{name}\".";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        await administration.RetryAsync(id, cancellationToken);
        Message = $"Đã đưa thông điệp số {id} trở lại hàng đợi.";
        return RedirectToPage(new { state = JobsAdministration.OutboxStates.Failed });
    }

    public override async Task OnRedisplayAsync(CancellationToken cancellationToken)
    {
        Jobs = await administration.ListJobsAsync(cancellationToken);
        var state = State is JobsAdministration.OutboxStates.Pending or JobsAdministration.OutboxStates.Failed
            ? State
            : JobsAdministration.OutboxStates.Failed;
        Outbox = await administration.GetOutboxAsync(state, cancellationToken);
    }

    public static string StateText(JobsAdministration.JobDto job) =>
        !job.IsEnabled ? "Đã tắt" : job.State switch
        {
            JobRunState.Running => "Đang chạy",
            JobRunState.Failed => "Lỗi",
            _ => "Sẵn sàng",
        };

    public static string StateBadge(JobsAdministration.JobDto job) =>
        !job.IsEnabled ? "text-bg-secondary" : job.State switch
        {
            JobRunState.Running => "text-bg-primary",
            JobRunState.Failed => "text-bg-danger",
            _ => "text-bg-success",
        };
}
