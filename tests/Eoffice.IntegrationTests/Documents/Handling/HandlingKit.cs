using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Modules.Organization.Domain;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Documents.Handling;

/// <summary>Intents of the handling tests: act on a document through the API, read its tree, count working days.</summary>
internal static class HandlingKit
{
    public static string Api(Guid id, string action = "") => $"/api/v1/documents/incoming/{id}{(action.Length == 0 ? "" : "/" + action)}";

    public static async Task<JsonElement> OkJsonAsync(this Task<HttpResponseMessage> call)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<JsonElement> ActAsync(this HttpClient client, Guid id, string action, object body) =>
        client.PostAsJsonAsync(Api(id, action), body).OkJsonAsync();

    public static async Task<(HttpStatusCode Status, string Body)> TryAsync(this HttpClient client, Guid id, string action, object body)
    {
        var response = await client.PostAsJsonAsync(Api(id, action), body);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static Task<JsonElement> DetailAsync(this HttpClient client, Guid id) => client.GetAsync(Api(id)).OkJsonAsync();

    public static async Task<HttpStatusCode> DetailStatusAsync(this HttpClient client, Guid id) => (await client.GetAsync(Api(id))).StatusCode;

    public static object Person(Guid userId, string role, int? days = null) => new { userId, role, deadlineWorkingDays = days };

    public static object Unit(Guid unitId, string role, int? days = null) => new { unitId, role, deadlineWorkingDays = days };

    public static Task<DateOnly> WorkingDaysFromTodayAsync(this EofficeApp app, int days) =>
        app.WithServiceAsync<WorkingDayCalendar, DateOnly>(c => Task.FromResult(c.AddWorkingDays(c.Today, days)));

    /// <summary>The active assignments addressed to a person or unit (by recipient id).</summary>
    public static IReadOnlyList<Assignment> ActiveFor(this IncomingDocument document, Guid recipientId) =>
        document.Assignments.Where(a => a.Status.IsActive() && (a.RecipientUserId == recipientId || a.RecipientUnitId == recipientId)).ToList();

    public static Assignment Single(this IncomingDocument document, Guid recipientId) =>
        document.Assignments.Where(a => a.RecipientUserId == recipientId || a.RecipientUnitId == recipientId).OrderByDescending(a => a.SentAt).First();

    /// <summary>
    /// How many notifications starting with <paramref name="titleStart"/> the person got about the document (by its link),
    /// once the outbox has delivered every event committed so far (notifications are a subscriber of the documents' events).
    /// </summary>
    public static async Task<int> NotificationsOfAsync(this EofficeApp app, Guid userId, string titleStart, Guid documentId)
    {
        await app.OutboxDrainedAsync();
        return await app.WithDbAsync(db => db.Set<Eoffice.Web.Platform.Notifications.Notification>()
            .CountAsync(n => n.UserId == userId && n.Title.StartsWith(titleStart) && n.Link == $"/van-ban-den/{documentId}"));
    }

    /// <summary>A person of another agency holding every incoming-document role there.</summary>
    public static async Task<string> OtherAgencyLeaderAsync(this EofficeApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<User>>();
        var agency = new Agency($"{Random.Shared.Next(100, 999)}.00.00.H42", "Sở Xây dựng tỉnh Ninh Bình", "SXD", DateTime.UtcNow);
        var unit = new Unit(agency.Id, null, "Văn phòng", "VP", UnitKind.Office, 1, DateTime.UtcNow);
        var position = new Position(agency.Id, "Giám đốc", true, 1);
        var user = new User("sxd" + Guid.NewGuid().ToString("N")[..8], "Lại Văn Cường", DateTime.UtcNow, agency.Id);
        user.PlaceIn(agency.Id, unit.Id, position.Id);
        user.SetPasswordHash(hasher.HashPassword(user, TestAccounts.Password));
        foreach (var role in new[] { DefaultRoles.AgencyLeader, DefaultRoles.Clerk, DefaultRoles.UnitLeader })
        {
            user.GrantRole(role);
        }

        db.AddRange(agency, unit, position, user);
        await db.SaveChangesAsync();
        return user.UserName;
    }

    /// <summary>Attaches a small scanned PDF to the document, as the clerk's registration does.</summary>
    public static async Task<Guid> AttachPdfAsync(this EofficeApp app, Guid documentId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EofficeDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<Eoffice.Web.Platform.Storage.FileStore>();
        var bytes = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        var file = await store.SaveAsync(new MemoryStream(bytes), "van-ban.pdf", "application/pdf");
        var document = await db.Set<IncomingDocument>().Include(d => d.Attachments).Include(d => d.Events).AsSplitQuery()
            .SingleAsync(d => d.Id == documentId);
        document.Attach(file.Id, file.Sha256, file.FileName, true, new Actor(Guid.Empty, "Văn thư"), DateTime.UtcNow);
        await db.SaveChangesAsync();
        return file.Id;
    }
}
