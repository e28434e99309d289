using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Identity.Rights;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Identity;

/// <summary>
/// Creates an administrator from the command line — how the first administrator of a production installation comes
/// to be, since no account is ever seeded outside demo mode:
/// <c>dotnet run --project src/Eoffice.Web -- create-admin --user qtht --name "Nguyễn Văn Quản" [--agency 000.00.00.H41]</c>.
/// Without an agency the account is an installation administrator (it creates agencies). A temporary password is
/// printed once; it must be changed, and two-factor sign-in enrolled, at the first sign-in.
/// </summary>
public sealed class CreateAdministratorCommand(
    EofficeDbContext db,
    IPasswordHasher<User> hasher,
    IOrganizationDirectory organization,
    RoleGrants roleGrants,
    UnitOfWork unitOfWork,
    TimeProvider time) : IConsoleCommand
{
    public string Name => "create-admin";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var fullName = arguments.Option("--name")?.Trim();
        var userName = arguments.Option("--user")?.Trim().ToLowerInvariant();
        var agencyCode = arguments.Option("--agency")?.Trim();
        if (string.IsNullOrEmpty(fullName))
        {
            await output.WriteLineAsync("Cách dùng: create-admin --name \"Họ và tên\" [--user tên-đăng-nhập] [--agency mã-định-danh]");
            return 2;
        }

        Guid? agencyId = null;
        if (agencyCode is not null)
        {
            var agency = await organization.FindAgencyByCodeAsync(agencyCode, cancellationToken);
            if (agency is null)
            {
                await output.WriteLineAsync($"Không có cơ quan mang mã định danh {agencyCode}.");
                return 1;
            }

            agencyId = agency.Id;
        }

        var taken = (await db.Set<User>().Select(u => u.UserName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        if (userName is not null && (taken.Contains(userName) || People.PersonRules.UserNameError(userName) is not null))
        {
            await output.WriteLineAsync(taken.Contains(userName)
                ? $"Tên đăng nhập {userName} đã có; không tạo gì."
                : People.PersonRules.UserNameError(userName));
            return 1;
        }

        userName ??= UserNameGenerator.Generate(fullName, taken.Contains);
        var now = time.GetUtcNow().UtcDateTime;
        var password = PasswordPolicy.GenerateTemporary();
        var admin = new User(userName, fullName, now, agencyId);
        admin.SetPasswordHash(hasher.HashPassword(admin, password), changedAt: null, mustChange: true);
        db.Add(admin);
        RoleGrants.Grant[] grants = [new(DefaultRoles.Administrator, null, GetPersonRoles.AgencyWide)];
        await roleGrants.GrantAsync(admin, grants, "tạo từ dòng lệnh", cancellationToken);
        await unitOfWork.CommitAsync(new AuditEvent("identity.administrator.create", "user", admin.Id.ToString(),
            Details: $"created from the command line{(agencyCode is null ? " (installation administrator)" : $" for agency {agencyCode}")} | roles {RoleGrants.AuditText(grants)}",
            ActorName: "command-line"), cancellationToken);

        await output.WriteLineAsync($"Đã tạo tài khoản quản trị: {userName} ({fullName}).");
        await output.WriteLineAsync($"Mật khẩu tạm thời (chỉ hiện một lần): {password}");
        await output.WriteLineAsync("Lần đăng nhập đầu tiên phải đổi mật khẩu và bật xác thực hai lớp.");
        return 0;
    }
}
