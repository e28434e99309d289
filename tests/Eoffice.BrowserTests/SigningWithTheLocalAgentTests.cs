using Microsoft.Playwright;

namespace Eoffice.BrowserTests;

/// <summary>
/// Ký số with the USB token on the deputy director's own computer: the administrator registers the token's certificate
/// ("USB token trên máy người ký"); on the Sign page she picks it, and the page has the signing agent on her machine
/// (a real HTTP server on the loopback interface, answering only eOffice's origin) sign the hash the server prepared,
/// then posts the value back; the draft is signed with her image and goes to the clerk — through the CSP, with no
/// console error.
/// </summary>
public sealed class SigningWithTheLocalAgentTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [BrowserSofficeFact]
    public async Task The_deputy_director_signs_through_the_agent_on_her_computer_and_the_draft_goes_to_the_clerk()
    {
        var (admin, adminErrors) = await app.SignedInAsync("quantri");
        await admin.GotoAsync(app.BaseUrl + "/quan-tri/chung-thu-so");
        var form = admin.Locator("#register-certificate-form");
        await admin.SelectByTextAsync("#Input_OwnerId", "Trần Thị Bích Hạnh");
        await form.GetByLabel("KT.").CheckAsync();
        await form.GetByLabel("Nơi giữ khóa bí mật").SelectOptionAsync(new SelectOptionValue { Label = "USB token trên máy người ký" });
        await form.GetByLabel("Chứng thư số (.cer/.crt/.pem)").SetInputFilesAsync(new FilePayload
        {
            Name = "usb-token.cer", MimeType = "application/pkix-cert", Buffer = app.Agent.Certificate.RawData,
        });
        await form.GetByRole(AriaRole.Button, new() { Name = "Đăng ký" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#certificates-message")).ToContainTextAsync("Đã đăng ký chứng thư số Trần Thị Bích Hạnh");
        IncomingPages.NoConsoleErrors("quantri", adminErrors);

        var subject = "Diễn tập ứng phó sự cố tràn dầu " + Guid.NewGuid().ToString("N")[..6];
        var documentUrl = await app.DraftThroughLegalReviewAsync(subject);
        var (deputy, errors) = await app.SignedInAsync("ttbhanh");
        await deputy.GotoAsync(documentUrl);
        await deputy.ExpectLayoutPdfShownAsync();
        await deputy.Locator("#outgoing-actions a[data-action='sign']").ClickAsync();
        var agentOption = deputy.Locator("#Input_CertificateId option[data-location='agent']");
        await Assertions.Expect(agentOption).ToContainTextAsync("phần mềm ký số trên máy của bạn");
        await deputy.Locator("#Input_CertificateId").SelectOptionAsync((await agentOption.GetAttributeAsync("value"))!);
        await Assertions.Expect(deputy.Locator("#sign-agent-hint")).ToBeVisibleAsync();
        await Assertions.Expect(deputy.Locator("#sign-pin-field")).ToBeHiddenAsync(); // the agent asks for the PIN itself
        await deputy.Locator("#sign-form button[type=submit]").ClickAsync();

        await Assertions.Expect(deputy).ToHaveURLAsync(documentUrl);
        await Assertions.Expect(deputy.Locator("#outgoing-signed")).ToContainTextAsync("Bản đã ký số");
        await Assertions.Expect(deputy.Locator("#outgoing-status")).ToHaveTextAsync("Chờ phát hành");
        var signed = Assert.Single(app.Agent.Signed);
        Assert.Contains(subject, signed, StringComparison.Ordinal); // what her PIN dialog showed
        IncomingPages.NoConsoleErrors("ttbhanh", errors);
    }
}
