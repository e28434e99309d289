using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform;
using Eoffice.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Modules.Identity;

/// <summary>
/// In demo mode, creates the system administrator account on the first start (and nothing on later starts).
/// Outside demo mode, and in the Production environment whatever the settings say, no account is ever created automatically.
/// </summary>
public sealed class SeedAdministrator(
    EofficeDbContext db,
    IPasswordHasher<User> hasher,
    IOptions<EofficeOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<SeedAdministrator> logger) : IStartupSeeder
{
    public const string DemoAdministratorUserName = "quantri";
    public const string DemoAdministratorFullName = "Quản trị hệ thống";
    public const string DemoPassword = "Eoffice@2026";

    public int Order => 10;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Value.DemoMode || environment.IsProduction())
        {
            if (!await db.Set<User>().AnyAsync(cancellationToken))
            {
                logger.LogWarning("No account exists yet and demo mode is off. Create the first administrator with: dotnet run --project src/Eoffice.Web -- create-admin --name \"Họ và tên\"");
            }

            return;
        }

        if (await db.Set<User>().AnyAsync(u => u.UserName == DemoAdministratorUserName, cancellationToken))
        {
            return;
        }

        var admin = new User(DemoAdministratorUserName, DemoAdministratorFullName, time.GetUtcNow().UtcDateTime);
        admin.IsDemo = true;
        admin.SetPasswordHash(hasher.HashPassword(admin, DemoPassword), time.GetUtcNow().UtcDateTime);
        admin.GrantRole(PlatformPermissions.AdministratorRole);
        db.Add(admin);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo administrator '{UserName}' created.", DemoAdministratorUserName);
    }
}

/// <summary>Tells the person starting a demo installation how to sign in.</summary>
public sealed class DemoSignInNotice : IStartupNotice
{
    public string? Line(EofficeOptions options) => options.DemoMode
        ? $"  Đăng nhập:   {SeedAdministrator.DemoAdministratorUserName} / {SeedAdministrator.DemoPassword} (chế độ trình diễn)"
        : "  Đăng nhập:   bằng tài khoản do quản trị hệ thống cấp.";
}
