using System.Net;
using System.Net.Http.Json;
using Eoffice.IntegrationTests.Documents;
using Eoffice.IntegrationTests.Documents.Lists;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Organization;
using Eoffice.Web.Modules.Cabinet;
using Eoffice.Web.Modules.Cabinet.Domain;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Pages.Cabinet;
using Microsoft.EntityFrameworkCore;
using static Eoffice.IntegrationTests.Cabinet.CabinetTestKit;

namespace Eoffice.IntegrationTests.Cabinet;

/// <summary>
/// The cabinet's pages (/tu-tai-lieu) call the same handlers as the API: a reader sees the shared folders and their
/// unit's folder, another unit's folder or file answers 404; the delete button shows only to the author or a folder
/// manager and the page refuses anyone else; a sub-folder is made from the page; delete goes to the recycle bin page,
/// which restores; a unit whose quota is full is told so; grants are set from the dialog.
/// </summary>
public abstract class CabinetPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp, IClockedApp
{
    private const string Page = "/tu-tai-lieu";

    [DbFact]
    public async Task A_specialist_opens_the_cabinet_on_their_units_folder_beside_the_shared_ones_and_gets_404_on_another_units_folder_and_file()
    {
        var legalSpecialist = await app.SignedInClientAsync("ntlan");
        var otherSpecialist = await app.SignedInClientAsync("cxtruong");
        var legal = await UnitFolderAsync(legalSpecialist, DemoAgency.Units.Legal);
        var file = await UploadPdfAsync(legalSpecialist, legal.Id, "to-trinh-quy-che.pdf");

        var page = await legalSpecialist.GetStringAsync(Page);
        Assert.Contains($"<h2 class=\"h4 mb-0 me-auto\" id=\"folder-title\">{DemoAgency.Units.Legal}</h2>", page, StringComparison.Ordinal);
        foreach (var shared in new[] { "Lãnh đạo", "Tin nội bộ", "Văn bản mới" })
        {
            Assert.Contains($">{shared}</a>", page, StringComparison.Ordinal);
        }

        Assert.Contains("to-trinh-quy-che.pdf", page, StringComparison.Ordinal);
        Assert.Contains("id=\"cabinet-upload\"", page, StringComparison.Ordinal);
        Assert.Contains($"data-delete=\"{file.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains("Tủ tài liệu</a>", page, StringComparison.Ordinal);
        Assert.Contains("Hồ sơ công việc</a>", page, StringComparison.Ordinal);

        var other = await otherSpecialist.GetStringAsync(Page);
        Assert.DoesNotContain($"data-folder=\"{legal.Id}\"", other, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherSpecialist.GetAsync($"{Page}?folder={legal.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherSpecialist.GetAsync($"{Page}/tep/{file.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await legalSpecialist.GetAsync($"{Page}/tep/{file.Id}")).StatusCode);
    }

    [DbFact]
    public async Task Someone_who_only_views_a_folder_sees_no_delete_button_and_the_page_refuses_the_delete_while_the_author_deletes_and_restores_from_the_recycle_bin()
    {
        var author = await app.SignedInClientAsync("ntlan");
        var viewer = await app.SignedInClientAsync("cxtruong");
        var head = await app.SignedInClientAsync("vdthang");
        var legal = await UnitFolderAsync(author, DemoAgency.Units.Legal);
        var file = await UploadPdfAsync(author, legal.Id, "bao-cao-phap-che.pdf");

        // The unit's leader shares the folder for viewing from the page's grants dialog.
        var headPage = await head.GetStringAsync($"{Page}?folder={legal.Id}");
        Assert.Contains("id=\"grants-form\"", headPage, StringComparison.Ordinal);
        var viewerId = await app.DemoUserIdAsync("cxtruong");
        var granted = await head.PostAsync($"{Page}?folder={legal.Id}&handler=Grants",
            OrganizationTestKit.Form(headPage, ("Access.Inherits", "true"), ("Access.Rows[0].Who", $"person:{viewerId}"), ("Access.Rows[0].Level", "view"),
                ("Access.Rows[1].Who", ""), ("Access.Rows[1].Level", "view")));
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        var grants = await app.WithDbAsync(db => db.Set<CabinetGrant>().AsNoTracking().Where(g => g.FolderId == legal.Id).ToListAsync());
        Assert.Equal([(PrincipalKind.Person, (Guid?)viewerId, AccessLevel.View)], grants.Select(g => (g.PrincipalKind, g.PrincipalId, g.Level)));

        var seen = await viewer.GetStringAsync($"{Page}?folder={legal.Id}");
        Assert.Contains("bao-cao-phap-che.pdf", seen, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-delete=\"{file.Id}\"", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"cabinet-upload\"", seen, StringComparison.Ordinal);
        var refused = await viewer.PostAsync($"{Page}?folder={legal.Id}&handler=Delete&fileId={file.Id}", OrganizationTestKit.Form(seen));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(UploadCabinetFiles.ChangeRefused, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await DeletedAtAsync(app, file.Id));
        var filePage = await viewer.GetStringAsync($"{Page}/tep/{file.Id}");
        Assert.DoesNotContain("id=\"file-delete\"", filePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await viewer.PostAsync($"{Page}/tep/{file.Id}?handler=Delete", OrganizationTestKit.Form(filePage))).StatusCode);
        Assert.Null(await DeletedAtAsync(app, file.Id));

        var authorPage = await author.GetStringAsync($"{Page}/tep/{file.Id}");
        var deleted = await author.PostAsync($"{Page}/tep/{file.Id}?handler=Delete", OrganizationTestKit.Form(authorPage));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal($"{Page}?folder={legal.Id}", deleted.Headers.Location?.OriginalString);
        Assert.NotNull(await DeletedAtAsync(app, file.Id));

        var bin = await author.GetStringAsync($"{Page}/thung-rac");
        Assert.Contains($"data-restore=\"{file.Id}\"", bin, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-restore=\"{file.Id}\"", await viewer.GetStringAsync($"{Page}/thung-rac"), StringComparison.Ordinal);
        var restored = await author.PostAsync($"{Page}/thung-rac?handler=Restore&fileId={file.Id}", OrganizationTestKit.Form(bin));
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Null(await DeletedAtAsync(app, file.Id));
        Assert.Contains("bao-cao-phap-che.pdf", await author.GetStringAsync($"{Page}?folder={legal.Id}"), StringComparison.Ordinal);
        await head.PutAsJsonAsync($"{Api}/folders/{legal.Id}/grants", new { inherits = true, grants = Array.Empty<object>() });
    }

    [DbFact]
    public async Task A_sub_folder_is_made_from_the_page_and_the_file_list_sorts_by_author_and_pages()
    {
        var specialist = await app.SignedInClientAsync("nvana");
        var folder = await UnitFolderAsync(specialist, DemoAgency.Units.PlanningFinance);
        var page = await specialist.GetStringAsync($"{Page}?folder={folder.Id}");
        var name = "Dự toán " + Guid.NewGuid().ToString("N")[..6];
        var made = await specialist.PostAsync($"{Page}?folder={folder.Id}&handler=Folder",
            OrganizationTestKit.Form(page, ("NewFolder.ParentId", folder.Id.ToString()), ("NewFolder.Name", name)));
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var sub = await app.WithDbAsync(db => db.Set<CabinetFolder>().AsNoTracking().SingleAsync(f => f.ParentId == folder.Id && f.Name == name));
        Assert.Equal($"{Page}?folder={sub.Id}", made.Headers.Location?.OriginalString);

        var duplicate = await specialist.PostAsync($"{Page}?folder={folder.Id}&handler=Folder",
            OrganizationTestKit.Form(page, ("NewFolder.ParentId", folder.Id.ToString()), ("NewFolder.Name", name)));
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("đã có thư mục con", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        for (var i = 0; i < CabinetModel.PageSize + 1; i++)
        {
            await UploadPdfAsync(specialist, sub.Id, $"tep-{i:D2}.pdf");
        }

        var first = await specialist.GetStringAsync($"{Page}?folder={sub.Id}&sort=name&desc=true");
        Assert.Contains("tep-50.pdf", first, StringComparison.Ordinal);
        Assert.DoesNotContain("tep-00.pdf", first, StringComparison.Ordinal);
        Assert.Contains("id=\"cabinet-pages\"", first, StringComparison.Ordinal);
        var second = await specialist.GetStringAsync($"{Page}?folder={sub.Id}&sort=name&desc=true&p=2");
        Assert.Contains("tep-00.pdf", second, StringComparison.Ordinal);
        Assert.DoesNotContain("tep-50.pdf", second, StringComparison.Ordinal);
        var byAuthor = (await specialist.GetFromJsonAsync<CabinetFolderResponse>($"{Api}/folders/{sub.Id}?sort=author&pageSize=100", Json))!;
        Assert.Equal(CabinetModel.PageSize + 1, byAuthor.Total);
        Assert.Contains("aria-sort=\"descending\"", first, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task A_unit_whose_quota_is_full_is_told_so_on_its_folder()
    {
        var clerk = await app.SignedInClientAsync("dtmai");
        var specialist = await app.SignedInClientAsync("hvson");
        var folder = await UnitFolderAsync(specialist, DemoAgency.Units.Transport);
        var unitId = await OrganizationTestKit.DemoUnitIdAsync(app, DemoAgency.Units.Transport);
        Assert.DoesNotContain("id=\"cabinet-full\"", await specialist.GetStringAsync($"{Page}?folder={folder.Id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await clerk.PutAsJsonAsync($"{Api}/quotas/{unitId}", new { quotaBytes = 0 })).StatusCode);
        var full = await specialist.GetStringAsync($"{Page}?folder={folder.Id}");
        Assert.Contains($"Tủ tài liệu của {DemoAgency.Units.Transport} đã hết dung lượng", full, StringComparison.Ordinal);
        await clerk.PutAsJsonAsync($"{Api}/quotas/{unitId}", new { quotaBytes = (long?)null });
    }
}

public sealed class CabinetPageTestsOnSqlite(CabinetSqliteApp app) : CabinetPageTests<CabinetSqliteApp>(app);

public sealed class CabinetPageTestsOnPostgres(CabinetPostgresApp app) : CabinetPageTests<CabinetPostgresApp>(app), IPostgresSuite;
