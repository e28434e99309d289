using System.Net.Http.Json;
using System.Text.Json;
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

namespace Eoffice.IntegrationTests.Organization;

/// <summary>Intents shared by the organisation tests: another agency with its administrator, demo ids, forms.</summary>
internal static partial class OrganizationTestKit
{
    private static int agencyCounter = Random.Shared.Next(100, 900);

    public sealed record OtherAgency(Guid AgencyId, Guid UnitId, Guid PositionId, Guid PersonId, string AdminUserName);

    /// <summary>Creates a second agency with a unit, a position, a staff member and its own administrator, straight in the database.</summary>
    public static async Task<OtherAgency> CreateOtherAgencyAsync(this EofficeApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<User>>();
        var n = Interlocked.Increment(ref agencyCounter) % 1000;
        var agency = new Agency($"{n:000}.00.00.H41", "Sở Tài chính tỉnh Ninh Bình", "STC", DateTime.UtcNow);
        var unit = new Unit(agency.Id, null, "Văn phòng", "VP", UnitKind.Office, 1, DateTime.UtcNow);
        var position = new Position(agency.Id, "Chuyên viên", false, 10);
        var adminName = "qtstc" + Guid.NewGuid().ToString("N")[..6];
        var admin = new User(adminName, "Quản trị Sở Tài chính", DateTime.UtcNow, agency.Id);
        admin.PlaceIn(agency.Id, unit.Id, position.Id);
        admin.SetPasswordHash(hasher.HashPassword(admin, TestAccounts.Password));
        admin.GrantRole(DefaultRoles.Administrator);
        TestAccounts.ExemptTestAdministrators(admin, [DefaultRoles.Administrator]);
        var staff = new User("stc" + Guid.NewGuid().ToString("N")[..8], "Hồ Thị Xuân", DateTime.UtcNow, agency.Id);
        staff.PlaceIn(agency.Id, unit.Id, position.Id);
        db.AddRange(agency, unit, position, admin, staff);
        await db.SaveChangesAsync();
        return new OtherAgency(agency.Id, unit.Id, position.Id, staff.Id, adminName);
    }

    public static Task<Guid> DemoAgencyIdAsync(this EofficeApp app) =>
        app.WithDbAsync(db => db.Set<Agency>().Where(a => a.Code == DemoAgency.Code).Select(a => a.Id).SingleAsync());

    public static Task<Guid> DemoUnitIdAsync(this EofficeApp app, string name) =>
        app.WithDbAsync(async db =>
        {
            var agencyId = await db.Set<Agency>().Where(a => a.Code == DemoAgency.Code).Select(a => a.Id).SingleAsync();
            return await db.Set<Unit>().Where(u => u.AgencyId == agencyId && u.Name == name).Select(u => u.Id).SingleAsync();
        });

    public static Task<Guid> DemoPositionIdAsync(this EofficeApp app, string name) =>
        app.WithDbAsync(async db =>
        {
            var agencyId = await db.Set<Agency>().Where(a => a.Code == DemoAgency.Code).Select(a => a.Id).SingleAsync();
            return await db.Set<Position>().Where(p => p.AgencyId == agencyId && p.Name == name).Select(p => p.Id).SingleAsync();
        });

    public static FormUrlEncodedContent Form(string pageHtml, params (string Name, string Value)[] fields)
    {
        var token = AntiforgeryToken().Match(pageHtml).Groups[1].Value;
        return new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", token)));
    }

    public static string Token(string pageHtml) => AntiforgeryToken().Match(pageHtml).Groups[1].Value;

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
