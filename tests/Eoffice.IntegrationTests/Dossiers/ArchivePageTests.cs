using System.Net;
using System.Text.RegularExpressions;
using Eoffice.IntegrationTests.Identity.Rights;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Organization;
using Eoffice.Web.Modules.Dossiers.Domain;
using Eoffice.Web.Modules.Identity.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Dossiers;

/// <summary>
/// The archive pages (issue 14 points 3 and 6, ADR 0031 §23–): "Đến hạn nộp lưu" with keep-back by the agency head and a
/// transfer drawn up by the records keeper, the transfer page with its outputs, package and completion, the destruction
/// page with the council decision and the tombstones; bad input shows the Vietnamese error beside its field and changes
/// nothing; without the right 403, another agency's transfer 404.
/// </summary>
public abstract class ArchivePageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    private const string DuePage = "/ho-so/nop-luu";

    [DbFact]
    public async Task The_head_keeps_a_due_dossier_back_the_keeper_draws_a_transfer_up_downloads_its_outputs_and_completes_it()
    {
        var agency = await app.CreateAgencyAsync("Sở Văn hóa và Thể thao");
        var (_, keeperName) = await app.AddPersonAsync(agency.Id, "Lưu trữ Sở", agency.OfficeId, (DefaultRoles.Clerk, null));
        var (_, headName) = await app.AddPersonAsync(agency.Id, "Giám đốc Sở", agency.OfficeId, (DefaultRoles.AgencyLeader, null));
        var (ownerId, ownerName) = await app.AddPersonAsync(agency.Id, "Chuyên viên Sở", agency.DepartmentId, (DefaultRoles.Specialist, agency.DepartmentId));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var kept = await ArchiveTransferTests<TApp>.ClosedDossierAsync(app, agency.Id, agency.DepartmentId, ownerId, "VH.01", 10, today.AddYears(-1).AddDays(10));
        var taken = await ArchiveTransferTests<TApp>.ClosedDossierAsync(app, agency.Id, agency.DepartmentId, ownerId, "VH.02", null, today.AddYears(-1).AddDays(-5));
        var keeper = Forms(await app.SignedInAsAsync(keeperName));
        var head = Forms(await app.SignedInAsAsync(headName));
        var owner = Forms(await app.SignedInAsAsync(ownerName));

        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync(DuePage)).StatusCode);
        var keeperPage = await keeper.GetStringAsync(DuePage);
        Assert.Contains("href=\"/ho-so/nop-luu\">Đến hạn nộp lưu</a>", keeperPage, StringComparison.Ordinal);
        Assert.Contains("<td class=\"text-nowrap\">VH.02/", keeperPage, StringComparison.Ordinal);
        Assert.Contains("Quá hạn nộp lưu", keeperPage, StringComparison.Ordinal);
        Assert.Contains("Lập lần nộp lưu", keeperPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"keep-back-{kept}\"", keeperPage, StringComparison.Ordinal);

        // The head keeps VH.01 back: beyond two years, or without a reason, is refused beside the field and nothing is kept.
        var headPage = await head.GetStringAsync(DuePage);
        Assert.Contains("href=\"/ho-so/nop-luu\">Đến hạn nộp lưu</a>", headPage, StringComparison.Ordinal);
        Assert.Contains($"id=\"keep-back-{kept}\"", headPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Lập lần nộp lưu", headPage, StringComparison.Ordinal);
        var end = await app.WithDbAsync(db => db.Set<Dossier>().Where(d => d.Id == kept).Select(d => d.EndDate).SingleAsync());
        var dueOn = ArchiveRules.TransferDue(end!.Value, constructionRecords: false);
        var tooLong = await head.PostAsync($"{DuePage}?handler=KeepBack", OrganizationTestKit.Form(headPage, ("KeepBackId", $"{kept}"),
            ("KeepBack.Until", dueOn.AddYears(3).ToString("yyyy-MM-dd")), ("KeepBack.Reason", "Còn tra cứu")));
        var tooLongHtml = await tooLong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Matches("<span class=\"text-danger small\" id=\"keep-back-until-error\">Thời hạn giữ lại phải sau hạn nộp lưu \\([0-9/]+\\) và không quá 2 năm", tooLongHtml);
        var noReason = await head.PostAsync($"{DuePage}?handler=KeepBack", OrganizationTestKit.Form(headPage, ("KeepBackId", $"{kept}"),
            ("KeepBack.Until", dueOn.AddYears(1).ToString("yyyy-MM-dd")), ("KeepBack.Reason", "")));
        Assert.Contains("<span class=\"text-danger small\" id=\"keep-back-reason-error\">Vui lòng nêu lý do giữ lại hồ sơ.</span>",
            await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.Set<Dossier>().Where(d => d.Id == kept).Select(d => d.KeepBackUntil).SingleAsync()));
        var keptBack = await head.PostAsync($"{DuePage}?handler=KeepBack", OrganizationTestKit.Form(headPage, ("KeepBackId", $"{kept}"),
            ("KeepBack.Until", dueOn.AddYears(1).ToString("yyyy-MM-dd")), ("KeepBack.Reason", "Đơn vị còn tra cứu thường xuyên")));
        Assert.Equal(HttpStatusCode.Redirect, keptBack.StatusCode);
        Assert.Equal(dueOn.AddYears(1), await app.WithDbAsync(db => db.Set<Dossier>().Where(d => d.Id == kept).Select(d => d.KeepBackUntil).SingleAsync()));
        Assert.Contains($"Giữ lại đến {dueOn.AddYears(1):dd/MM/yyyy}", await keeper.GetStringAsync(DuePage), StringComparison.Ordinal);

        // The keeper draws a transfer up: none chosen is refused beside the list; VH.02 chosen opens the transfer's page.
        Task<int> Transfers() => app.WithDbAsync(db => db.Set<ArchiveTransfer>().CountAsync(t => t.AgencyId == agency.Id));
        var none = await keeper.PostAsync($"{DuePage}?handler=Transfer", OrganizationTestKit.Form(keeperPage, ("ArchiveTransfer.DeliveredByName", "Chuyên viên Sở")));
        Assert.Contains("<span class=\"text-danger small\" id=\"transfer-dossiers-error\">Chọn ít nhất một hồ sơ để nộp lưu.</span>",
            await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await Transfers());
        var created = await keeper.PostAsync($"{DuePage}?handler=Transfer", OrganizationTestKit.Form(keeperPage, ("ArchiveTransfer.DossierIds", $"{taken}"),
            ("ArchiveTransfer.DeliveredByName", "Chuyên viên Sở")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var transferPage = created.Headers.Location!.OriginalString;
        Assert.Matches("^/ho-so/nop-luu/dot/[0-9a-f-]{36}$", transferPage);
        var transferId = Guid.Parse(transferPage[^36..]);
        Assert.Contains(transferPage, await keeper.GetStringAsync("/ho-so/nop-luu/dot"), StringComparison.Ordinal);
        Assert.Contains("Đang trong lần nộp lưu", await keeper.GetStringAsync(DuePage), StringComparison.Ordinal);

        var page = await keeper.GetStringAsync(transferPage);
        Assert.Contains("Hoàn thành giao nộp", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"text-nowrap\">VH.02</td>", page, StringComparison.Ordinal);
        var links = Regex.Matches(page, "href=\"(/api/v1/dossiers/transfers/[^\"]+)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(10, links.Count);
        foreach (var (link, magic) in new[] { (links.Single(l => l.EndsWith("receipt?format=pdf", StringComparison.Ordinal)), "%PDF"), (links.Last(), "PK") })
        {
            var file = await keeper.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            var bytes = await file.Content.ReadAsByteArrayAsync();
            Assert.StartsWith(magic, System.Text.Encoding.ASCII.GetString(bytes, 0, magic.Length), StringComparison.Ordinal);
        }

        // Without the right 403; another agency's keeper 404.
        AssertRefused(await owner.GetAsync(transferPage));
        AssertRefused(await owner.GetAsync("/ho-so/nop-luu/dot"));
        var other = await app.CreateAgencyAsync("Sở Y tế");
        var (_, otherKeeper) = await app.AddPersonAsync(other.Id, "Lưu trữ Sở Y tế", other.OfficeId, (DefaultRoles.Clerk, null));
        var stranger = Forms(await app.SignedInAsAsync(otherKeeper));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(transferPage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"{transferPage}?handler=Complete",
            OrganizationTestKit.Form(await stranger.GetStringAsync(DuePage), ("Confirmed", "true")))).StatusCode);

        // Completing needs the confirmation; then the dossier is "Đã nộp lưu", read-only.
        var unconfirmed = await keeper.PostAsync($"{transferPage}?handler=Complete", OrganizationTestKit.Form(page, ("Confirmed", "false")));
        Assert.Contains("<span class=\"text-danger small\" id=\"confirmed-error\">Vui lòng xác nhận đã giao nhận đủ hồ sơ, tài liệu theo mục lục.</span>",
            await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ArchiveTransferStatus.Draft, await app.WithDbAsync(db => db.Set<ArchiveTransfer>().Where(t => t.Id == transferId).Select(t => t.Status).SingleAsync()));
        var completed = await keeper.PostAsync($"{transferPage}?handler=Complete", OrganizationTestKit.Form(page, ("Confirmed", "true")));
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        var done = await keeper.GetStringAsync(transferPage);
        Assert.Contains("Đã giao nhận", done, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"complete-form\"", done, StringComparison.Ordinal);
        var dossierPage = await owner.GetStringAsync($"/ho-so/{taken}");
        Assert.Contains("Đã nộp lưu", dossierPage, StringComparison.Ordinal);
        Assert.Contains("id=\"dossier-transferred\"", dossierPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"close-form\"", dossierPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"reopen-form\"", dossierPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-dossier=\"{taken}\"", await keeper.GetStringAsync(DuePage), StringComparison.Ordinal);
    }

    [DbFact]
    public async Task The_destruction_page_needs_the_council_decision_beside_its_fields_then_shows_the_tombstones()
    {
        var agency = await app.CreateAgencyAsync("Sở Công Thương");
        var (_, keeperName) = await app.AddPersonAsync(agency.Id, "Lưu trữ Sở", agency.OfficeId, (DefaultRoles.Clerk, null));
        var (ownerId, ownerName) = await app.AddPersonAsync(agency.Id, "Chuyên viên Sở", agency.DepartmentId, (DefaultRoles.Specialist, agency.DepartmentId));
        var expired = await ArchiveTransferTests<TApp>.ClosedDossierAsync(app, agency.Id, agency.DepartmentId, ownerId, "CT.01", 2, new DateOnly(2020, 3, 31));
        var keeper = Forms(await app.SignedInAsAsync(keeperName));
        var owner = Forms(await app.SignedInAsAsync(ownerName));
        const string Page = "/ho-so/tieu-huy";

        AssertRefused(await owner.GetAsync(Page));
        var html = await keeper.GetStringAsync(Page);
        Assert.Contains($"data-dossier=\"{expired}\"", html, StringComparison.Ordinal);

        var noDecision = await keeper.PostAsync(Page, OrganizationTestKit.Form(html, ("Input.DossierIds", $"{expired}"), ("Input.DecisionNumber", ""),
            ("Input.DecisionDate", "2026-11-20"), ("Input.DecidedByName", "Giám đốc Sở"), ("Input.Council", "Hội đồng 5 thành viên")));
        var refused = await noDecision.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, noDecision.StatusCode);
        Assert.Contains("<span class=\"text-danger small\" id=\"decision-number-error\">Vui lòng nhập số quyết định tiêu hủy của hội đồng.</span>", refused,
            StringComparison.Ordinal);
        Assert.Equal(DossierStatus.Closed, await app.WithDbAsync(db => db.Set<Dossier>().Where(d => d.Id == expired).Select(d => d.Status).SingleAsync()));

        var done = await keeper.PostAsync(Page, OrganizationTestKit.Form(html, ("Input.DossierIds", $"{expired}"), ("Input.DecisionNumber", "7/QĐ-SCT"),
            ("Input.DecisionDate", "2026-11-20"), ("Input.DecidedByName", "Giám đốc Sở"), ("Input.Council", "Hội đồng xác định giá trị tài liệu: 5 thành viên")));
        var result = await done.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Đã tiêu hủy 1 hồ sơ theo Quyết định số 7/QĐ-SCT ngày 20/11/2026", result, StringComparison.Ordinal);
        Assert.Contains($"data-tombstone=\"{expired}\"", result, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-dossier=\"{expired}\"", result, StringComparison.Ordinal);
        var tombstone = await owner.GetStringAsync($"/ho-so/{expired}");
        Assert.Contains("id=\"dossier-tombstone\"", tombstone, StringComparison.Ordinal);
        Assert.Contains("Quyết định số 7/QĐ-SCT ngày 20/11/2026", tombstone, StringComparison.Ordinal);
    }

    /// <summary>A page the person may not use: 403 from its handler, or the sign-in's "no right" page for a permission they lack.</summary>
    private static void AssertRefused(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/khong-co-quyen", StringComparison.Ordinal) == true),
            $"{(int)response.StatusCode} {response.Headers.Location}");

    /// <summary>The page forms carry their own antiforgery token (the API header is removed, so a form without it would fail).</summary>
    private static HttpClient Forms(HttpClient client)
    {
        client.DefaultRequestHeaders.Remove(Eoffice.Web.Platform.Security.RequestForgeryGuard.HeaderName);
        return client;
    }
}

public sealed class ArchivePageTestsOnSqlite(SqliteApp app) : ArchivePageTests<SqliteApp>(app);

public sealed class ArchivePageTestsOnPostgres(PostgresApp app) : ArchivePageTests<PostgresApp>(app), IPostgresSuite;
