using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Playwright;

namespace Eoffice.BrowserTests;

/// <summary>
/// The certificate page in a browser: the register form shows the fields of the chosen use and key location, and the
/// seal image is previewed when chosen, then shown from the server once uploaded — with no script blocked by the CSP.
/// </summary>
public sealed class AdministeringCertificatesTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    /// <summary>A 24×24 red disc on a transparent background.</summary>
    private static readonly byte[] SealPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAABgAAAAYCAYAAADgdz34AAAASUlEQVR4nGNgGAWUggMCAv8JYZoaTpYlpBhMlkU0tYASwwlaQg3D8VoyasGoBaMWUM8SnIZTwxKChtPFAnIsIslgUi0h2/AhAQBqHjrOLo7YAQAAAABJRU5ErkJggg==");

    /// <summary>A self-issued seal certificate for signing (the page only reads it; the key is elsewhere).</summary>
    private static byte[] SealCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=UBND tỉnh Mẫu Trình Duyệt, O=UBND tỉnh Mẫu, C=VN", rsa,
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.RawData;
    }

    [BrowserFact]
    public async Task The_register_form_follows_the_chosen_use_and_key_location_and_a_seal_image_is_previewed_then_shown()
    {
        var (page, consoleErrors) = await app.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync("quantri");
        await page.GetByLabel("Mật khẩu").FillAsync("Eoffice@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
        await page.Locator("#admin-menu").ClickAsync();
        await page.Locator("#main-nav .dropdown-menu a", new() { HasText = "Chứng thư số, chữ ký" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/quan-tri/chung-thu-so");
        var form = page.Locator("#register-certificate-form");

        await Assertions.Expect(form.GetByLabel("Người sở hữu (chứng thư số cá nhân)")).ToBeVisibleAsync();
        await Assertions.Expect(form.GetByLabel("Tệp khóa (.p12/.pfx)")).ToBeVisibleAsync();
        await Assertions.Expect(form.GetByLabel("Thư viện PKCS#11 của thiết bị")).ToBeHiddenAsync();

        await form.GetByLabel("Cơ quan (con dấu số)").CheckAsync();
        await form.GetByLabel("Nơi giữ khóa bí mật").SelectOptionAsync(new SelectOptionValue { Label = "Thiết bị ký số (PKCS#11)" });

        await Assertions.Expect(form.GetByLabel("Người sở hữu (chứng thư số cá nhân)")).ToBeHiddenAsync();
        await Assertions.Expect(form.GetByLabel("KT.")).ToBeHiddenAsync();
        await Assertions.Expect(form.GetByLabel("Tệp khóa (.p12/.pfx)")).ToBeHiddenAsync();
        await Assertions.Expect(form.GetByLabel("Thư viện PKCS#11 của thiết bị")).ToBeVisibleAsync();
        await Assertions.Expect(form.GetByLabel("Chứng thư số (.cer/.crt/.pem)")).ToBeVisibleAsync();

        await form.GetByLabel("Nơi giữ khóa bí mật").SelectOptionAsync(new SelectOptionValue { Label = "USB token trên máy người ký" });
        await form.GetByLabel("Chứng thư số (.cer/.crt/.pem)").SetInputFilesAsync(new FilePayload { Name = "con-dau.cer", MimeType = "application/pkix-cert", Buffer = SealCertificate() });
        await form.GetByRole(AriaRole.Button, new() { Name = "Đăng ký" }).ClickAsync();
        await Assertions.Expect(page.Locator("#certificates-message")).ToContainTextAsync("Đã đăng ký chứng thư số UBND tỉnh Mẫu Trình Duyệt");
        // The demo's own certificates are listed too: the row of the one just registered.
        var row = page.Locator("#certificate-table tbody tr[data-certificate]", new() { HasText = "UBND tỉnh Mẫu Trình Duyệt" });
        await Assertions.Expect(row).ToContainTextAsync("Cơ quan (con dấu số)");
        await Assertions.Expect(row).ToContainTextAsync("Chưa giao người giữ dấu");
        await Assertions.Expect(page.Locator(".seal-holders-form", new() { HasText = "UBND tỉnh Mẫu Trình Duyệt" })).ToContainTextAsync("Văn thư giữ con dấu số UBND tỉnh Mẫu Trình Duyệt");

        var imageForm = page.Locator("#signature-image-form");
        await imageForm.GetByLabel("Ảnh (.png)").SetInputFilesAsync(new FilePayload { Name = "con-dau.png", MimeType = "image/png", Buffer = SealPng });
        await Assertions.Expect(page.Locator("#image-preview")).ToBeVisibleAsync();
        Assert.StartsWith("blob:", await page.Locator("#image-preview").GetAttributeAsync("src"), StringComparison.Ordinal);
        await imageForm.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();

        await Assertions.Expect(page.Locator("#certificates-message")).ToHaveTextAsync("Đã thay ảnh con dấu (24×24 điểm ảnh).");
        var shown = page.Locator("#signature-images img[alt='Ảnh con dấu']");
        await Assertions.Expect(shown).ToBeVisibleAsync();
        Assert.Equal(24, await shown.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : -1"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsPath, "certificates.png"), FullPage = true });
        Assert.True(consoleErrors.Count == 0, "Console errors (CSP?): " + string.Join(" | ", consoleErrors));
    }
}
