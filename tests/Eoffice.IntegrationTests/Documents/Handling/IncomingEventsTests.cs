using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Eoffice.IntegrationTests.Documents.Registration;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Documents.Handling;

/// <summary>
/// The event seam: every entry a handling action adds to a document's history is published as an outbox event in the same
/// transaction (and not at all when the action is refused), and notifications are one subscriber of those events,
/// idempotent per event.
/// </summary>
public abstract class IncomingEventsTests(EofficeApp app)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private Task<List<TimelineEvent>> EventsOfAsync(Guid documentId) =>
        app.WithDbAsync(async db => (await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Type.StartsWith(IncomingDocumentEvents.Prefix + "."))
                .OrderBy(m => m.Id).ToListAsync())
            .Select(m => JsonSerializer.Deserialize<TimelineEvent>(m.Payload, Web)!)
            .Where(e => e.OwnerId == documentId).ToList());

    [DbFact]
    public async Task Registering_presenting_and_forwarding_publish_one_event_each_with_the_assignments_they_created()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var registered = await clerk.RegisterOkAsync(RegistrationKit.Body(await app.AgencyRegisterIdAsync(), "V/v sự kiện của văn bản đến"));
        var lttha = await app.DemoUserIdAsync("lttha");
        var presented = await clerk.ActAsync(registered.Id, "present", new { userId = lttha });
        var chief = await app.SignedInDemoAsync("lttha");
        var nvan = await app.DemoUserIdAsync("nvan");
        await chief.ActAsync(registered.Id, "forward", new { targets = new[] { HandlingKit.Person(nvan, "direct") } });

        var events = await EventsOfAsync(registered.Id);

        Assert.Equal([IncomingDocumentEvents.Registered, IncomingDocumentEvents.Presented, IncomingDocumentEvents.Forwarded], events.Select(e => e.Name));
        var presentation = presented.GetProperty("assignmentIds")[0].GetGuid();
        Assert.Equal([presentation], events[1].AssignmentIds);
        Assert.Equal(presentation, events[2].AssignmentId);
        var document = await app.LoadIncomingAsync(registered.Id);
        Assert.Equal([document.Assignments.Single(a => a.RecipientUserId == nvan).Id], events[2].AssignmentIds);
        Assert.All(events, e => Assert.Equal(document.AgencyId, e.AgencyId));
        Assert.Equal(3, events.Select(e => e.EventId).Distinct().Count());
    }

    [DbFact]
    public async Task A_refused_action_publishes_nothing()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var registered = await clerk.RegisterOkAsync(RegistrationKit.Body(await app.AgencyRegisterIdAsync(), "V/v hành động bị từ chối"));
        var before = await EventsOfAsync(registered.Id);
        var director = await app.SignedInDemoAsync("nvan"); // sees every document of the agency, holds no part of this one

        var (status, body) = await director.TryAsync(registered.Id, "finish", new { result = "Không có phần để xử lý." });

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("không có văn bản này để xử lý", body, StringComparison.Ordinal);
        Assert.Equal(before.Count, (await EventsOfAsync(registered.Id)).Count);
    }

    [DbFact]
    public async Task Delivering_the_same_event_twice_notifies_once()
    {
        var clerk = await app.SignedInDemoAsync("dtmai");
        var registered = await clerk.RegisterOkAsync(RegistrationKit.Body(await app.AgencyRegisterIdAsync(), "V/v thông báo không lặp"));
        await clerk.ActAsync(registered.Id, "present", new { userId = await app.DemoUserIdAsync("lttha") });
        var presented = (await EventsOfAsync(registered.Id)).Single(e => e.Name == IncomingDocumentEvents.Presented);
        await app.OutboxDrainedAsync();

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredKeyedService<IOutboxHandler<TimelineEvent>>(IncomingDocumentEvents.Presented).HandleAsync(presented, default);
        }

        var lttha = await app.DemoUserIdAsync("lttha");
        Assert.Equal(1, await app.NotificationsOfAsync(lttha, "Văn bản đến cần xử lý", registered.Id));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Notification>().CountAsync(n => n.SourceKey == presented.EventId.ToString("N"))));
        Assert.Equal(0, await app.NotificationsOfAsync(await app.DemoUserIdAsync("dtmai"), "Văn bản đến", registered.Id));
    }
}

public sealed class IncomingEventsTestsOnSqlite(SqliteApp app) : IncomingEventsTests(app), IClassFixture<SqliteApp>;

public sealed class IncomingEventsTestsOnPostgres(PostgresApp app) : IncomingEventsTests(app), IClassFixture<PostgresApp>;
