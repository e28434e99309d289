using System.Diagnostics;
using System.Net.Http.Json;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Infrastructure;

/// <summary>Accounts created straight in the database for a test, and small waiting helpers.</summary>
public static class TestAccounts
{
    public const string Password = "Thu-nghiem@2026";

    /// <summary>
    /// Creates an active account with a unique user name and the given agency-wide roles, in the demo agency (where the
    /// demo administrator works); returns its id and name.
    /// </summary>
    public static async Task<(Guid Id, string UserName)> CreateUserAsync(this EofficeApp app, string fullName, params string[] roles)
    {
        var userName = "nv" + Guid.NewGuid().ToString("N")[..10];
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Eoffice.Web.Platform.Data.EofficeDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<User>>();
        var demoAgency = await scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>().FindAgencyByCodeAsync(DemoAgency.Code);
        var user = new User(userName, fullName, DateTime.UtcNow, demoAgency?.Id);
        user.SetPasswordHash(hasher.HashPassword(user, Password));
        foreach (var role in roles)
        {
            user.GrantRole(role);
        }

        db.Add(user);
        await db.SaveChangesAsync();
        return (user.Id, userName);
    }

    /// <summary>An installation administrator: the administrator role and no agency (creates agencies).</summary>
    public static async Task<(Guid Id, string UserName)> CreateInstallationAdministratorAsync(this EofficeApp app, string fullName)
    {
        var userName = "qt" + Guid.NewGuid().ToString("N")[..10];
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Eoffice.Web.Platform.Data.EofficeDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<User>>();
        var user = new User(userName, fullName, DateTime.UtcNow);
        user.SetPasswordHash(hasher.HashPassword(user, Password));
        user.GrantRole(DefaultRoles.Administrator);
        ExemptTestAdministrators(user, [DefaultRoles.Administrator]);
        db.Add(user);
        await db.SaveChangesAsync();
        return (user.Id, userName);
    }

    /// <summary>
    /// Administrators made for a test are exempt (as demo accounts are) from the two-factor enrolment that a
    /// non-demo administrator must do at first sign-in; the account-security tests exercise that gate on their own.
    /// </summary>
    public static void ExemptTestAdministrators(User user, IEnumerable<string> roles)
    {
        if (roles.Contains(DefaultRoles.Administrator))
        {
            user.IsDemo = true;
        }
    }

    public static Task<HttpClient> SignedInAsAsync(this EofficeApp app, string userName) => app.SignedInClientAsync(userName, Password);

    /// <summary>The id of the user an HTTP client is signed in as.</summary>
    public static async Task<Guid> MyIdAsync(this HttpClient client) =>
        (await client.GetFromJsonAsync<Me>("/api/v1/me"))!.Id;

    private sealed record Me(Guid Id);
}

/// <summary>Bounded polling for conditions that background workers make true.</summary>
public static class Eventually
{
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0} s for {what}; last value: {value}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Calls <paramref name="step"/> over and over (pausing <paramref name="pause"/> when it found nothing to do) until
    /// <paramref name="stop"/> is cancelled; the cancellation itself is the normal end.
    /// </summary>
    public static Task RepeatUntilCancelledAsync(Func<CancellationToken, Task<bool>> step, TimeSpan pause, CancellationToken stop) =>
        Task.Run(async () =>
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    if (!await step(stop))
                    {
                        await Task.Delay(pause, stop);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Asked to stop.
            }
        });

    public static Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        WaitForAsync(condition, ok => ok, what, timeout);
}
