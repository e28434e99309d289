using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Documents.Lists;

/// <summary>Reminders before and after a deadline, counted in working days across a weekend, each sent once.</summary>
public abstract class DeadlineReminderTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp, IClockedApp
{
    // Wednesday 2 December 2026, 09:00 in Vietnam.
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 2, 0, 0, TimeSpan.Zero);

    [DbFact]
    public async Task The_holder_and_the_units_leaders_are_reminded_two_working_days_before_and_on_the_first_overdue_day_once_each()
    {
        app.Clock.Set(Wednesday);
        var due = new DateOnly(2026, 12, 8); // the next Tuesday: Thu, Fri, Mon, Tue are the four working days left
        var document = await app.RegisterDirectAsync("V/v nhắc hạn xử lý qua cuối tuần");
        var toOffice = await app.PresentAsync(document, "lttha", due);
        await app.ForwardAsync(document, "lttha", toOffice, await app.UnitAsync(DemoAgency.Units.Infrastructure, AssignmentRole.Lead, due));
        var office = await app.DemoUserIdAsync("lttha");
        var head = await app.DemoUserIdAsync("pvhung");
        var deputy = await app.DemoUserIdAsync("ltnanh");
        var specialist = await app.DemoUserIdAsync("cxtruong");

        async Task<int> RemindersOf(Guid user) => await app.WithDbAsync(db =>
            db.Set<Notification>().CountAsync(n => n.UserId == user && n.Category == IncomingDeadlineReminders.ReminderCategory && n.Link == $"/van-ban-den/{document}"));

        async Task RunOn(DateTimeOffset at)
        {
            app.Clock.Set(at);
            await app.WithServiceAsync<IncomingDeadlineReminders, bool>(async job =>
            {
                await job.RunAsync(CancellationToken.None);
                return true;
            });
        }

        await RunOn(Wednesday);
        await RunOn(Wednesday.AddDays(1)); // Thursday: three working days left
        Assert.Equal(0, await RemindersOf(office) + await RemindersOf(head));

        await RunOn(Wednesday.AddDays(2)); // Friday: Monday and Tuesday left
        Assert.Equal(1, await RemindersOf(office));
        Assert.Equal(1, await RemindersOf(head));
        Assert.Equal(1, await RemindersOf(deputy));
        Assert.Equal(0, await RemindersOf(specialist));

        await RunOn(Wednesday.AddDays(2).AddHours(1));
        await RunOn(Wednesday.AddDays(3)); // Saturday
        await RunOn(Wednesday.AddDays(6)); // Tuesday, the due date itself
        Assert.Equal(1, await RemindersOf(head));

        await RunOn(Wednesday.AddDays(7)); // Wednesday: overdue
        Assert.Equal(2, await RemindersOf(head));
        Assert.Equal(2, await RemindersOf(office));
        await RunOn(Wednesday.AddDays(7).AddHours(2));
        await RunOn(Wednesday.AddDays(8));
        Assert.Equal(2, await RemindersOf(head));
        Assert.Equal(2, await RemindersOf(deputy));

        var stored = await app.LoadIncomingAsync(document);
        Assert.All(stored.Assignments.Where(a => a.DueDate == due), a =>
        {
            Assert.Equal(new DateOnly(2026, 12, 4), a.DueSoonRemindedOn);
            Assert.Equal(new DateOnly(2026, 12, 9), a.OverdueRemindedOn);
        });

        // The overdue tab and the deadline state follow the same calendar.
        var overdue = await (await app.SignedInDemoAsync("pvhung")).ListAsync("qua-han");
        var row = Assert.Single(overdue.Items, r => r.DocumentId == document);
        Assert.Equal(DeadlineState.Overdue, row.Deadline);
    }

    [DbFact]
    public async Task A_request_for_comments_on_a_draft_reminds_the_person_asked_once_before_its_deadline_and_not_after_the_answer()
    {
        app.Clock.Set(Wednesday);
        var drafter = await app.SignedInDemoAsync("cxtruong");
        var head = await app.SignedInDemoAsync("pvhung");
        var asked = await app.DemoUserIdAsync("hvson");
        var id = await Outgoing.OutgoingKit.CreateDraftAsync(drafter, Outgoing.OutgoingKit.Draft("Kế hoạch kiểm tra cầu " + Guid.NewGuid().ToString("N")[..6],
            await app.DemoUserIdAsync("ttbhanh")));
        await Outgoing.OutgoingKit.ActOutAsync(drafter, id, "submit", new { recipientId = await app.DemoUserIdAsync("pvhung") });
        await Outgoing.OutgoingKit.ActOutAsync(head, id, "consult", new { targets = new[] { new { userId = asked, dueDate = "2026-12-03" } } });

        async Task<int> Reminders() => await app.WithDbAsync(db => db.Set<Notification>().CountAsync(n =>
            n.UserId == asked && n.Category == Eoffice.Web.Modules.Documents.Outgoing.OutgoingConsultationReminders.ReminderCategory && n.Link == $"/van-ban-di/{id}"));

        async Task RunOn(DateTimeOffset at)
        {
            app.Clock.Set(at);
            await app.WithServiceAsync<Eoffice.Web.Modules.Documents.Outgoing.OutgoingConsultationReminders, bool>(async job =>
            {
                await job.RunAsync(CancellationToken.None);
                return true;
            });
        }

        await RunOn(Wednesday);
        await RunOn(Wednesday.AddHours(2));
        Assert.Equal(1, await Reminders());

        app.Clock.Set(Wednesday.AddHours(3));
        await Outgoing.OutgoingKit.ActOutAsync(await app.SignedInDemoAsync("hvson"), id, "feedback", new { text = "Thống nhất." });
        await RunOn(Wednesday.AddDays(2));
        Assert.Equal(1, await Reminders());
    }
}

public interface IClockedApp
{
    ManualClock Clock { get; }
}

/// <summary>The clocked app with the reminder job left to the test (the background runner does not run it).</summary>
public sealed class RemindersSqliteApp : ClockedSqliteApp, IClockedApp
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Jobs:DisabledJobs:0"] = IncomingDeadlineReminders.JobName,
        ["Jobs:DisabledJobs:1"] = Eoffice.Web.Modules.Documents.Outgoing.OutgoingConsultationReminders.JobName,
    };
}

public sealed class RemindersPostgresApp : ClockedPostgresApp, IClockedApp
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Jobs:DisabledJobs:0"] = IncomingDeadlineReminders.JobName,
        ["Jobs:DisabledJobs:1"] = Eoffice.Web.Modules.Documents.Outgoing.OutgoingConsultationReminders.JobName,
    };
}

public sealed class DeadlineReminderTestsOnSqlite(RemindersSqliteApp app) : DeadlineReminderTests<RemindersSqliteApp>(app);

public sealed class DeadlineReminderTestsOnPostgres(RemindersPostgresApp app) : DeadlineReminderTests<RemindersPostgresApp>(app), IPostgresSuite;
