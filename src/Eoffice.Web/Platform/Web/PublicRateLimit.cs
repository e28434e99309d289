using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Eoffice.Web.Platform.Web;

/// <summary>
/// The rate limit of pages and APIs anyone may call without an account (the public verification of issued
/// documents): a fixed window per client address, <c>PublicRateLimit:PermitsPerMinute</c> (30 unless configured),
/// answered 429 with a Vietnamese problem beyond it. Packages other agencies' systems push to the exchange receive
/// endpoint have their own window per client address, <c>Exchange:ReceivePermitsPerMinute</c> (600 unless configured:
/// a sender delivers a batch at once).
/// </summary>
public static class PublicRateLimit
{
    public const string Policy = "public";

    public const string ExchangePolicy = "exchange-receive";

    public static IServiceCollection AddPublicRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                if (!context.HttpContext.Request.IsApiRequest())
                {
                    return; // pages: the status page says it in Vietnamese
                }

                context.HttpContext.Response.ContentType = "application/problem+json";
                await context.HttpContext.Response.WriteAsJsonAsync(new
                {
                    type = "https://tools.ietf.org/html/rfc6585#section-4",
                    title = "Quá nhiều yêu cầu.",
                    status = StatusCodes.Status429TooManyRequests,
                    detail = context.HttpContext.Request.Path.StartsWithSegments("/api/v1/exchange")
                        ? "Hệ thống gửi quá nhiều gói tin trong một phút; vui lòng gửi lại sau."
                        : "Bạn đã tra cứu quá nhiều lần trong một phút; vui lòng thử lại sau.",
                }, cancellationToken);
            };
            options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    // Read when a client's window is made, from the configuration as the host has it.
                    PermitLimit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue("PublicRateLimit:PermitsPerMinute", 30),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            options.AddPolicy(ExchangePolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue("Exchange:ReceivePermitsPerMinute", 600),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        return services;
    }
}
