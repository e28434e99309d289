using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Platform.Jobs;

/// <summary>The outbox, the recurring-job runner, their health check and their administration.</summary>
public static class JobsRegistration
{
    public static IServiceCollection AddEofficeJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>()
            .Bind(configuration.GetSection(JobsOptions.Section))
            .Validate(o => !o.Validate().Any(), "Invalid \"Jobs\" settings: check PollInterval, MaxAttempts, BatchSize, LeaseDuration and the retry delays.")
            .ValidateOnStart();

        services.AddSingleton<WorkerNode>();
        services.AddSingleton<WorkerHeartbeats>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<RecurringJobSignal>();
        services.AddSingleton<OutboxTypeRegistry>();
        services.AddSingleton<OutboxEventInterceptor>();
        services.AddScoped<IOutbox, Outbox>();
        services.AddSingleton<OutboxProcessor>();
        services.AddSingleton<RecurringJobProcessor>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddHostedService<RecurringJobRunner>();
        services.AddScoped<IRecurringJob, OutboxCleanupJob>();
        services.AddScoped<JobsAdministration>();

        services.AddHealthChecks().AddCheck<WorkersHealthCheck>("workers", tags: [HealthTags.Ready]);
        services.AddSingleton(new NavigationItem("Nav.Jobs", "/quan-tri/tac-vu-nen", PlatformPermissions.ManageJobs, NavigationSections.Administration, 80));
        return services;
    }

    public static IEndpointRouteBuilder MapEofficeJobs(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api/v1/admin")
            .WithTags("Tác vụ nền")
            .RequireAuthorization(Policies.For(PlatformPermissions.ManageJobs));

        admin.MapGet("/jobs", async Task<Ok<IReadOnlyList<JobsAdministration.JobDto>>> (JobsAdministration handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListJobsAsync(ct)))
            .WithName("ListJobs")
            .WithSummary("Các tác vụ định kỳ: trạng thái, lần chạy gần nhất, lần chạy kế tiếp, lỗi gần nhất.");

        admin.MapPost("/jobs/{name}/run", async Task<NoContent> (string name, JobsAdministration handler, CancellationToken ct) =>
            {
                await handler.RunNowAsync(name, ct);
                return TypedResults.NoContent();
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RunJobNow")
            .WithSummary("Chạy ngay một tác vụ định kỳ (trên nút rảnh đầu tiên).");

        admin.MapGet("/outbox", async Task<Ok<JobsAdministration.OutboxOverview>> (string? state, JobsAdministration handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.GetOutboxAsync(state, ct)))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("GetOutbox")
            .WithSummary("Hàng đợi thông điệp: số lượng theo trạng thái và danh sách thông điệp đang chờ (state=pending) hoặc đã thất bại (state=failed).");

        admin.MapPost("/outbox/{id:long}/retry", async Task<NoContent> (long id, JobsAdministration handler, CancellationToken ct) =>
            {
                await handler.RetryAsync(id, ct);
                return TypedResults.NoContent();
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RetryOutboxMessage")
            .WithSummary("Thử lại một thông điệp đã thất bại hẳn, với số lần thử mới.");

        return endpoints;
    }
}
