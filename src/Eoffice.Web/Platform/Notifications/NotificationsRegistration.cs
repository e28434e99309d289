using Eoffice.Web.Platform.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;

namespace Eoffice.Web.Platform.Notifications;

/// <summary>Notifications: storage, the real-time hub, the API and the header badge.</summary>
public static class NotificationsRegistration
{
    public sealed record UnreadCountResponse(int Count);

    public sealed record MarkAllReadResponse(int Marked, int UnreadCount);

    public static IServiceCollection AddEofficeNotifications(this IServiceCollection services)
    {
        services.AddScoped<INotifier, Notifier>();
        services.AddScoped<MyNotifications>();
        services.AddScoped<INotificationReads, NotificationReads>();
        services.AddSingleton<IUserIdProvider, SubClaimUserIdProvider>();
        services.AddOutboxHandler<NotificationCreated, PushNotificationHandler>(NotificationCreated.TypeName);
        services.AddOutboxHandler<NotificationsRead, PushUnreadCountHandler>(NotificationsRead.TypeName);
        return services;
    }

    public static IEndpointRouteBuilder MapEofficeNotifications(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<NotificationHub>(NotificationHub.Path).RequireAuthorization();

        var api = endpoints.MapGroup("/api/v1/notifications").WithTags("Thông báo").RequireAuthorization();

        api.MapGet("/", async Task<Ok<MyNotifications.NotificationPage>> (bool? unreadOnly, int? page, MyNotifications handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(unreadOnly ?? false, page ?? 1, ct)))
            .WithName("ListMyNotifications")
            .WithSummary("Thông báo của tôi, mới nhất trước, 20 thông báo mỗi trang.");

        api.MapGet("/unread-count", async Task<Ok<UnreadCountResponse>> (MyNotifications handler, CancellationToken ct) =>
                TypedResults.Ok(new UnreadCountResponse(await handler.UnreadCountAsync(ct))))
            .WithName("CountMyUnreadNotifications")
            .WithSummary("Số thông báo chưa đọc của tôi.");

        api.MapPost("/{id:guid}/read", async Task<Ok<UnreadCountResponse>> (Guid id, MyNotifications handler, CancellationToken ct) =>
                TypedResults.Ok(new UnreadCountResponse(await handler.MarkReadAsync(id, ct))))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("MarkNotificationRead")
            .WithSummary("Đánh dấu một thông báo của tôi là đã đọc; trả về số thông báo chưa đọc còn lại.");

        api.MapPost("/read-all", async Task<Ok<MarkAllReadResponse>> (MyNotifications handler, CancellationToken ct) =>
            {
                var (marked, unread) = await handler.MarkAllReadAsync(ct);
                return TypedResults.Ok(new MarkAllReadResponse(marked, unread));
            })
            .WithName("MarkAllNotificationsRead")
            .WithSummary("Đánh dấu tất cả thông báo của tôi là đã đọc.");

        return endpoints;
    }
}
