using Eoffice.Web.Modules.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Infrastructure;

/// <summary>People other than the demo administrator, created directly in the application's database.</summary>
public static class TestUsers
{
    public const string Password = "KiemThu@2026";

    /// <summary>Creates an active account holding <paramref name="roles"/> (none: an ordinary specialist) and returns its user name.</summary>
    public static async Task<string> CreateAsync(EofficeApp app, string userName, string fullName, params string[] roles)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Eoffice.Web.Platform.Data.EofficeDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<User>>();
        var user = new User(userName, fullName, DateTime.UtcNow);
        user.SetPasswordHash(hasher.HashPassword(user, Password));
        foreach (var role in roles)
        {
            user.GrantRole(role);
        }

        db.Add(user);
        await db.SaveChangesAsync();
        return userName;
    }
}
