using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Identity.Domain;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Identity.External;

/// <summary>Small helpers shared by the LDAP and OpenID Connect sign-in tests.</summary>
internal static partial class ExternalSignInTestSupport
{
    public sealed record Me(Guid Id, string UserName, string FullName);

    public sealed record ProviderCreated(Guid Id);

    /// <summary>Adds a provider through the administrators' API, as the demo administrator.</summary>
    public static async Task<Guid> CreateProviderAsync(this EofficeApp app, object input)
    {
        var admin = await app.SignedInClientAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/identity/external-providers", input);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return (await response.Content.ReadFromJsonAsync<ProviderCreated>())!.Id;
    }

    /// <summary>An active account with the given official e-mail (or none), as an administrator would have created it.</summary>
    public static async Task<Guid> CreateAccountAsync(this EofficeApp app, string fullName, string? email, string? userName = null)
    {
        var (id, _) = await app.CreateUserAsync(fullName);
        await app.WithDbAsync(async db =>
        {
            var user = await db.Set<User>().SingleAsync(u => u.Id == id);
            user.Email = email;
            if (userName is not null)
            {
                user.ChangeUserName(userName);
            }

            await db.SaveChangesAsync();
        });
        return id;
    }

    public static Task<List<ExternalLogin>> LinksOfAsync(this EofficeApp app, Guid userId) =>
        app.WithDbAsync(db => db.Set<ExternalLogin>().AsNoTracking().Where(l => l.UserId == userId).ToListAsync());

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } match
            ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("No antiforgery token in the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
