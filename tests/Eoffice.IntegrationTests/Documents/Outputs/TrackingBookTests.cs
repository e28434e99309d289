using System.Net;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Modules.Documents.Incoming.Outputs;
using Eoffice.Web.Modules.Documents.Outputs;
using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Eoffice.IntegrationTests.Documents.Outputs.OutputsTestKit;

namespace Eoffice.IntegrationTests.Documents.Outputs;

/// <summary>
/// Sổ theo dõi giải quyết văn bản đến: progress against the deadline (finished on time, finished late, overdue, in
/// progress) as the days pass, the answering document, and the rows a unit leader may see.
/// </summary>
public abstract class TrackingBookTests<TApp>(TApp app, ManualClock clock) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    private static readonly string[] Headers =
    [
        "Số đến", "Tên loại, số, ký hiệu, ngày tháng, cơ quan ban hành", "Đơn vị hoặc người nhận", "Thời hạn giải quyết", "Tiến độ giải quyết",
        "Số, ký hiệu văn bản trả lời", "Ghi chú",
    ];

    [DbFact]
    public async Task The_tracking_book_states_progress_against_the_deadline_and_the_answer_and_a_unit_leader_sees_only_his_units_documents()
    {
        var marker = "Theo dõi " + Guid.NewGuid().ToString("N")[..6];
        var clerk = await app.PersonAsync("dtmai");
        var director = await app.PersonAsync("nvan");
        var specialist = await app.PersonAsync("cxtruong");
        var start = app.Today();
        var onTime = await app.RegisterDirectAsync($"V/v {marker} đúng hạn");
        var late = await app.RegisterDirectAsync($"V/v {marker} trễ hạn");
        var overdue = await app.RegisterDirectAsync($"V/v {marker} quá hạn");
        var running = await app.RegisterDirectAsync($"V/v {marker} đang làm");
        var elsewhere = await app.RegisterDirectAsync($"V/v {marker} chỉ lãnh đạo");
        foreach (var id in new[] { onTime, late, overdue })
        {
            await app.ActOnIncomingAsync(id, (d, now) => d.Present(new KitParty(clerk.Actor), director.As(AssignmentRole.Direct), null, now));
            await app.ActOnIncomingAsync(id, (d, now) => d.Forward(new KitParty(director.Actor), d.Assignments.Single(a => a.RecipientUserId == director.Id).Id,
                [specialist.As(AssignmentRole.Lead, start.AddDays(2))], "Giao đồng chí Trường xử lý.", now));
        }

        await app.ActOnIncomingAsync(onTime, (d, now) => d.FinishAndFile(new KitParty(specialist.Actor), d.Assignments.Single(a => a.RecipientUserId == specialist.Id).Id, "Đã trả lời.", null, now));
        await app.WithDbAsync(async db =>
        {
            var reply = new IncomingReply(onTime, "Công văn trả lời Ủy ban nhân dân tỉnh", director.Actor, DateTime.UtcNow);
            reply.MarkAnswered("25/SGTVT-VP", DateTime.UtcNow);
            db.Add(reply);
            await db.SaveChangesAsync();
        });
        await app.ActOnIncomingAsync(elsewhere, (d, now) => d.Present(new KitParty(clerk.Actor), director.As(AssignmentRole.Direct), null, now));

        clock.Advance(TimeSpan.FromDays(5));
        var today = app.Today();
        await app.ActOnIncomingAsync(late, (d, now) => d.FinishAndFile(new KitParty(specialist.Actor), d.Assignments.Single(a => a.RecipientUserId == specialist.Id).Id, "Xong.", null, now));
        await app.ActOnIncomingAsync(running, (d, now) => d.Present(new KitParty(clerk.Actor), director.As(AssignmentRole.Direct), null, now));
        await app.ActOnIncomingAsync(running, (d, now) => d.Forward(new KitParty(director.Actor), d.Assignments.Single(a => a.RecipientUserId == director.Id).Id,
            [specialist.As(AssignmentRole.Lead, today.AddDays(5))], null, now));

        var query = $"?from={Iso(start)}&to={Iso(today)}";
        using var leader = await app.SignedInDemoAsync("nvan");
        var response = await leader.GetAsync("/api/v1/documents/incoming/tracking-book.xlsx" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = ReadSheet(await response.Content.ReadAsByteArrayAsync(), "Sổ theo dõi");
        Assert.Equal(Headers, rows[0]);
        List<string> Row(string what) => rows.Single(r => r[1].Contains($"{marker} {what}", StringComparison.Ordinal));

        Assert.StartsWith("Hoàn thành đúng hạn", Row("đúng hạn")[4], StringComparison.Ordinal);
        Assert.Equal("25/SGTVT-VP", Row("đúng hạn")[5]);
        Assert.Equal(Vn(start.AddDays(2)), Row("đúng hạn")[3]);
        Assert.StartsWith("Hoàn thành trễ hạn 3 ngày", Row("trễ hạn")[4], StringComparison.Ordinal);
        Assert.Equal("Quá hạn 3 ngày", Row("quá hạn")[4]);
        Assert.Equal("Đang xử lý", Row("đang làm")[4]);
        Assert.Equal(specialist.Name, Row("quá hạn")[2]);
        Assert.Contains("Công văn số ", Row("quá hạn")[1], StringComparison.Ordinal);
        Assert.Contains("của Ủy ban nhân dân tỉnh Ninh Bình", Row("quá hạn")[1], StringComparison.Ordinal);
        Assert.Single(rows, r => r[1].Contains($"{marker} chỉ lãnh đạo", StringComparison.Ordinal));

        var pdf = await leader.GetAsync("/api/v1/documents/incoming/tracking-book.pdf" + query);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var text = await PdfTextAsync(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains($"In bởi {director.Name}", text, StringComparison.Ordinal);
        if (HasPdfToText)
        {
            Assert.Contains("Tiến độ giải quyết", text, StringComparison.Ordinal);
            Assert.Contains("Quá hạn 3 ngày", text, StringComparison.Ordinal);
        }

        // The head of the specialist's department follows what reached his unit, not what stayed with the director.
        using var head = await app.SignedInDemoAsync("pvhung");
        var view = await head.GetAsync("/van-ban-den/so-va-bao-cao/so-theo-doi" + query);
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        var html = WebUtility.HtmlDecode(await view.Content.ReadAsStringAsync());
        Assert.Contains($"{marker} quá hạn", html, StringComparison.Ordinal);
        Assert.Contains($"{marker} đúng hạn", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"{marker} chỉ lãnh đạo", html, StringComparison.Ordinal);
        Assert.Contains("In bởi ", html, StringComparison.Ordinal);

        var audited = await app.WithDbAsync(db => db.Set<Eoffice.Web.Platform.Audit.AuditEntry>()
            .CountAsync(e => e.ObjectType == "incoming-tracking-book" && (e.Action == OutputAudit.Incoming.ExportAction || e.Action == OutputAudit.Incoming.PrintAction)));
        Assert.True(audited >= 3);
    }

    [Fact]
    public void Progress_compares_the_finishing_day_or_today_with_the_deadline()
    {
        var due = new DateOnly(2026, 11, 10);
        var today = new DateOnly(2026, 11, 13);
        Assert.Equal("Đang xử lý", TrackingBook.Progress(IncomingStatus.InProgress, due, null, new DateOnly(2026, 11, 10)));
        Assert.Equal("Quá hạn 3 ngày", TrackingBook.Progress(IncomingStatus.InProgress, due, null, today));
        Assert.Equal("Đang xử lý", TrackingBook.Progress(IncomingStatus.Registered, null, null, today));
        Assert.StartsWith("Hoàn thành đúng hạn", TrackingBook.Progress(IncomingStatus.Finished, due, new DateTime(2026, 11, 10, 9, 0, 0, DateTimeKind.Utc), today), StringComparison.Ordinal);

        // 10/11 23:30 UTC is already 11/11 in Vietnam.
        Assert.StartsWith("Hoàn thành trễ hạn 1 ngày", TrackingBook.Progress(IncomingStatus.Finished, due, new DateTime(2026, 11, 10, 23, 30, 0, DateTimeKind.Utc), today), StringComparison.Ordinal);
        Assert.Equal("Đã hủy đăng ký", TrackingBook.Progress(IncomingStatus.Cancelled, due, null, today));
    }
}

public sealed class TrackingBookTestsOnSqlite(ClockedSqliteApp app) : TrackingBookTests<ClockedSqliteApp>(app, app.Clock);

public sealed class TrackingBookTestsOnPostgres(ClockedPostgresApp app) : TrackingBookTests<ClockedPostgresApp>(app, app.Clock), IPostgresSuite;
