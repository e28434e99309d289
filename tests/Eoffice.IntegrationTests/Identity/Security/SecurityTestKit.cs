using System.Net.Http.Json;
using System.Text.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Identity.Security;
using Eoffice.Web.Platform.Audit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Identity.Security;

/// <summary>Intent-level helpers for the account security tests.</summary>
public static class SecurityTestKit
{
    public static HttpClient Client(this EofficeApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the API; once signed in, the client sends the new session's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string userName, string password, string? totpCode = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { userName, password, totpCode });
        if (response.IsSuccessStatusCode)
        {
            await client.WithAntiforgeryTokenAsync();
        }

        return response;
    }

    /// <summary>Changes something about an account straight in the database.</summary>
    public static Task UpdateUserAsync(this EofficeApp app, Guid id, Action<User> change) =>
        app.WithDbAsync(async db =>
        {
            var user = await db.Set<User>().Include(u => u.RoleAssignments).SingleAsync(u => u.Id == id);
            change(user);
            await db.SaveChangesAsync();
        });

    public static Task<User> UserAsync(this EofficeApp app, Guid id) =>
        app.WithDbAsync(db => db.Set<User>().AsNoTracking().SingleAsync(u => u.Id == id));

    public static Task<List<AuditEntry>> AuditOfAsync(this EofficeApp app, Guid userId) =>
        app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.ObjectId == userId.ToString() || e.ActorId == userId).OrderBy(e => e.Sequence).ToListAsync());

    public static async Task<string> TitleAsync(this HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("title").GetString()!;
    }

    /// <summary>Turns on two-factor sign-in for the signed-in client through the API; returns the secret and the recovery codes.</summary>
    public static async Task<(string Secret, List<string> RecoveryCodes)> EnrolTwoFactorAsync(this HttpClient client, ManualClock clock)
    {
        var setup = await (await client.PostAsync("/api/v1/me/two-factor/setup", null)).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<SetupDto>();
        var confirm = await client.PostAsJsonAsync("/api/v1/me/two-factor/confirm", new { setup!.EnrolmentToken, code = CodeAt(setup.Secret, clock) });
        confirm.EnsureSuccessStatusCode();
        var codes = (await confirm.Content.ReadFromJsonAsync<RecoveryDto>())!.RecoveryCodes;
        clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        return (setup.Secret, codes);
    }

    public static string CodeAt(string secret, TimeProvider clock) => Totp.Compute(Base32.Decode(secret), Totp.StepAt(clock.GetUtcNow()));

    public sealed record SetupDto(string Secret, string OtpAuthUri, string QrCodeDataUri, string EnrolmentToken);

    public sealed record RecoveryDto(List<string> RecoveryCodes);
}
