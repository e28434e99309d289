using System.Text.RegularExpressions;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Modules.Organization.Domain;
using Eoffice.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Identity.Rights;

/// <summary>
/// An agency made for one test: an office, a department with a team below it, and an administrator
/// (Quản trị hệ thống, agency-wide). People are added with <see cref="TestAgencies.AddPersonAsync"/>.
/// </summary>
public sealed record TestAgency(Guid Id, string Name, Guid OfficeId, Guid DepartmentId, Guid TeamId, Guid AdminId, string AdminUserName);

public static partial class TestAgencies
{
    public static async Task<TestAgency> CreateAgencyAsync(this EofficeApp app, string name = "Sở Giao thông vận tải")
    {
        var code = $"H{Random.Shared.Next(10, 99)}.{Random.Shared.Next(1, 999)}.{Random.Shared.Next(1, 999)}.{Random.Shared.Next(1, 999)}";
        var now = DateTime.UtcNow;
        var agency = new Agency(code, name, "S" + Random.Shared.Next(1000, 9999), now);
        var office = new Unit(agency.Id, null, "Văn phòng", "VP", UnitKind.Office, 1, now);
        var department = new Unit(agency.Id, null, "Phòng Kế hoạch - Tài chính", "KHTC", UnitKind.Department, 2, now);
        var team = new Unit(agency.Id, department.Id, "Tổ Thẩm định", "TD", UnitKind.Other, 1, now);
        await app.WithDbAsync(async db =>
        {
            db.Add(agency);
            await db.SaveChangesAsync();
            db.AddRange(office, department);
            await db.SaveChangesAsync();
            db.Add(team);
            await db.SaveChangesAsync();
        });
        var (adminId, adminName) = await app.AddPersonAsync(agency.Id, "Quản trị " + name, office.Id, (DefaultRoles.Administrator, null));
        return new TestAgency(agency.Id, name, office.Id, department.Id, team.Id, adminId, adminName);
    }

    /// <summary>An active person of the agency (password <see cref="TestAccounts.Password"/>) with the given roles and scopes.</summary>
    public static async Task<(Guid Id, string UserName)> AddPersonAsync(this EofficeApp app, Guid agencyId, string fullName, Guid? unitId = null,
        params (string Role, Guid? Scope)[] roles)
    {
        var userName = "cb" + Guid.NewGuid().ToString("N")[..10];
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<User>>();
        var user = new User(userName, fullName, DateTime.UtcNow, agencyId);
        user.PlaceIn(agencyId, unitId, null);
        user.SetPasswordHash(hasher.HashPassword(user, TestAccounts.Password));
        TestAccounts.ExemptTestAdministrators(user, roles.Select(r => r.Role));
        foreach (var (role, unit) in roles)
        {
            user.GrantRole(role, unit);
        }

        db.Add(user);
        await db.SaveChangesAsync();
        return (user.Id, userName);
    }

    /// <summary>A position of the agency, to place new people in.</summary>
    public static async Task<Guid> AddPositionAsync(this EofficeApp app, Guid agencyId, string name = "Chuyên viên")
    {
        var position = new Position(agencyId, name, false, 10);
        await app.WithDbAsync(async db =>
        {
            db.Add(position);
            await db.SaveChangesAsync();
        });
        return position.Id;
    }

    public static Task SetRightsApproverAsync(this EofficeApp app, Guid agencyId, Guid? approverId) =>
        app.WithDbAsync(async db =>
        {
            var agency = await db.Set<Agency>().SingleAsync(a => a.Id == agencyId);
            agency.RightsApproverId = approverId;
            await db.SaveChangesAsync();
        });

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public static string AntiforgeryToken(string html) => TokenPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
