using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Eoffice.IntegrationTests.Platform.TextExtraction;
using System.Text.RegularExpressions;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Organization;
using Eoffice.Web.Modules.Documents.Domain;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Documents.Outgoing;

/// <summary>The outgoing pages call the same handlers as the API, answer bad input beside the field and keep outsiders out.</summary>
public abstract class OutgoingPagesTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    [OcrFact]
    public async Task The_details_page_shows_each_files_text_state_and_the_searchable_pdf_made_of_a_scanned_annex_as_the_incoming_page_does()
    {
        var drafter = await app.SignedInDemoAsync("cxtruong");
        var deputyId = await app.DemoUserIdAsync("ttbhanh");
        var body = await drafter.UploadBodyAsync("Sở Giao thông vận tải đề nghị sửa chữa cầu.");
        var scan = await Eoffice.IntegrationTests.Documents.OutgoingLayout.LayoutKit.UploadAsync(drafter, TextSamples.ScanPdf(TextSamples.Render(TextSamples.TextPdf(TextSamples.Letter), jpeg: true)), "phu-luc-quet.pdf",
            "application/pdf");
        var draft = JsonSerializer.SerializeToNode(OutgoingKit.Draft("Sửa chữa cầu " + Guid.NewGuid().ToString("N")[..6], deputyId, mainFileId: body))!.AsObject();
        draft["annexFileIds"] = new JsonArray(scan.ToString());
        var id = await drafter.CreateDraftAsync(draft);

        await FileTextKit.FinishedAsync(app, body);
        var ocr = await FileTextKit.FinishedAsync(app, scan, TimeSpan.FromMinutes(3));
        var html = WebUtility.HtmlDecode(await drafter.GetStringAsync($"/van-ban-di/{id}"));

        Assert.Equal(Eoffice.Web.Platform.TextExtraction.FileTextState.Ready, ocr.State);
        Assert.Contains("data-file-text=\"Ready\">· Đã trích xuất văn bản</small>", html, StringComparison.Ordinal);
        Assert.Contains("data-file-text=\"Ready\">· Đã nhận dạng chữ (OCR)</small>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/v1/files/{ocr.SearchablePdfFileId}\" target=\"_blank\" rel=\"noopener\" class=\"searchable-pdf\">Bản PDF tìm kiếm được</a>", html,
            StringComparison.Ordinal);
    }

    [DbFact]
    public async Task A_draft_posted_without_a_subject_and_with_no_copies_shows_both_messages_beside_their_fields_and_saves_nothing()
    {
        var drafter = await app.SignedInDemoAsync("cxtruong");
        var drafterId = await app.DemoUserIdAsync("cxtruong");
        var before = await DraftsOfAsync(drafterId);

        var form = await drafter.GetStringAsync("/van-ban-di/soan");
        var posted = await drafter.PostAsync("/van-ban-di/soan", OrganizationTestKit.Form(form,
            ("Input.Draft.Document.TypeCode", "CV"), ("Input.Draft.Document.Subject", ""), ("Input.Draft.SigningAuthority", "kt"),
            ("Input.Draft.Copies", "0"), ("Input.Draft.RecipientLines", "Như trên;")));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var html = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());
        Assert.Matches(Beside("Input.Draft.Document.Subject", "Vui lòng nhập trích yếu nội dung."), html);
        Assert.Matches(Beside("Input.Draft.Copies", "Số lượng bản phát hành từ 1 đến"), html);
        Assert.Contains("Như trên;", html, StringComparison.Ordinal); // what was typed comes back
        Assert.Equal(before, await DraftsOfAsync(drafterId));
    }

    [DbFact]
    public async Task A_draft_saved_from_the_form_opens_on_its_page_with_a_script_in_its_subject_shown_as_text()
    {
        var drafter = await app.SignedInDemoAsync("cxtruong");
        var transport = await app.DemoUnitIdAsync(Eoffice.Web.Modules.Organization.Contracts.DemoAgency.Units.Transport);
        var subject = "V/v <script>alert('x')</script> kiểm tra cầu " + Guid.NewGuid().ToString("N")[..6];

        var form = await drafter.GetStringAsync("/van-ban-di/soan");
        var posted = await drafter.PostAsync("/van-ban-di/soan", OrganizationTestKit.Form(form,
            ("Input.Draft.Document.TypeCode", "CV"), ("Input.Draft.Document.Subject", subject), ("Input.Draft.Document.Urgency", "normal"),
            ("Input.Draft.SigningAuthority", "kt"), ("Input.Draft.Copies", "2"), ("RecipientUnits", transport.ToString()),
            ("Input.Draft.Recipients[0].Kind", "organ"), ("Input.Draft.Recipients[0].Name", "Ủy ban nhân dân tỉnh Ninh Bình"),
            ("Input.Draft.Recipients[0].Channel", "post")));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        Assert.Matches("^/van-ban-di/[0-9a-f-]{36}$", location);
        var id = Guid.Parse(location["/van-ban-di/".Length..]);
        var d = await app.LoadOutgoingAsync(id);
        Assert.Equal(2, d.Recipients.Count);
        Assert.Contains(d.Recipients, r => r.UnitId == transport && r.Channel == DeliveryChannel.Internal);
        Assert.Contains(d.Recipients, r => r.Kind == RecipientKind.Organ && r.Channel == DeliveryChannel.Post);

        var page = await drafter.GetStringAsync(location);
        Assert.DoesNotContain("<script>alert('x')</script>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", page, StringComparison.Ordinal);
        Assert.Contains($"{location}/trinh", page, StringComparison.Ordinal);
        Assert.True(await drafter.ListsAsync("du-thao", id));
        Assert.Contains("Dự thảo của tôi", await drafter.GetStringAsync("/van-ban-di?box=du-thao"), StringComparison.Ordinal);
    }

    [DbFact]
    public async Task The_return_page_asks_for_an_opinion_beside_its_field_and_then_sends_the_draft_back_to_the_drafter()
    {
        var drafter = await app.SignedInDemoAsync("cxtruong");
        var head = await app.SignedInDemoAsync("pvhung");
        var id = await drafter.CreateDraftAsync(OutgoingKit.Draft("V/v lịch bảo trì đường tỉnh " + Guid.NewGuid().ToString("N")[..6], await app.DemoUserIdAsync("ttbhanh")));

        // Trình from the page: the next step and its head are offered.
        var submitForm = await drafter.GetStringAsync($"/van-ban-di/{id}/trinh");
        var choice = Regex.Match(submitForm, "<option value=\"(2:[0-9a-f-]{36})\"[^>]*>Phan Văn Hùng").Groups[1].Value;
        Assert.NotEmpty(choice);
        var submitted = await drafter.PostAsync($"/van-ban-di/{id}/trinh", OrganizationTestKit.Form(submitForm, ("Choice", choice), ("Input.Note", "Kính trình.")));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.True(await head.ListsAsync("cho-xu-ly", id));

        var returnForm = await head.GetStringAsync($"/van-ban-di/{id}/tra-lai");
        var empty = await head.PostAsync($"/van-ban-di/{id}/tra-lai", OrganizationTestKit.Form(returnForm, ("Input.ToPrevious", "false"), ("Input.Opinion", "")));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Matches(Beside("Input.Opinion", "Vui lòng nhập ý kiến khi trả lại."), WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()));
        Assert.Equal(OutgoingStatus.InReview, (await app.LoadOutgoingAsync(id)).Status);

        var returned = await head.PostAsync($"/van-ban-di/{id}/tra-lai", OrganizationTestKit.Form(returnForm, ("Input.ToPrevious", "false"), ("Input.Opinion", "Bổ sung số liệu.")));
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(OutgoingStatus.Drafting, (await app.LoadOutgoingAsync(id)).Status);
        Assert.Contains("outgoing-returned", await drafter.GetStringAsync($"/van-ban-di/{id}"), StringComparison.Ordinal);
    }

    [DbFact]
    public async Task An_outsider_gets_404_on_the_document_page_and_on_every_action_page()
    {
        var drafter = await app.SignedInDemoAsync("cxtruong");
        var id = await drafter.CreateDraftAsync(OutgoingKit.Draft("V/v kế hoạch duy tu " + Guid.NewGuid().ToString("N")[..6], await app.DemoUserIdAsync("ttbhanh")));
        var outsider = await app.SignedInDemoAsync("hvson");

        foreach (var path in new[] { "", "/sua", "/trinh", "/duyet", "/duyet-ky", "/tra-lai", "/xin-y-kien", "/gop-y", "/y-kien", "/rut-lai", "/huy", "/thay-the", "/phieu-trinh" })
        {
            Assert.True(HttpStatusCode.NotFound == (await outsider.GetAsync($"/van-ban-di/{id}{path}")).StatusCode, $"/van-ban-di/{{id}}{path}");
        }

        var clerk = await app.SignedInDemoAsync("dtmai");
        foreach (var path in new[] { "/phat-hanh", "/gui", "/thu-hoi" })
        {
            Assert.True(HttpStatusCode.NotFound == (await clerk.GetAsync($"/van-ban-di/{Guid.NewGuid()}{path}")).StatusCode, path);
        }

        Assert.Equal(HttpStatusCode.OK, (await drafter.GetAsync($"/van-ban-di/{id}/phieu-trinh")).StatusCode);
    }

    private static Regex Beside(string field, string message) =>
        new($"<span [^>]*data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>{Regex.Escape(message)}");

    private Task<int> DraftsOfAsync(Guid drafterId) =>
        app.WithDbAsync(db => db.Set<OutgoingDocument>().CountAsync(d => d.DrafterId == drafterId));
}

public sealed class OutgoingPagesTestsOnSqlite(SqliteApp app) : OutgoingPagesTests<SqliteApp>(app);

public sealed class OutgoingPagesTestsOnPostgres(PostgresApp app) : OutgoingPagesTests<PostgresApp>(app), IPostgresSuite;
