using System.Net;
using System.Net.Http.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Platform.Signing;
using Eoffice.IntegrationTests.Platform.Signing.Pdf;
using Eoffice.IntegrationTests.Platform.Storage;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Signing;
using Eoffice.Web.Platform.Signing.Pdf;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Signing;

/// <summary>
/// Anyone who may read a PDF can have its signatures checked: a signature by a certificate of the configured trust
/// anchors is valid, a flipped byte is invalid, a page changed after signing is reported so, a self-made certificate is
/// untrusted, an unsigned file says so, and someone else's file is not found.
/// </summary>
public abstract class FileSignatureVerificationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp, ISigningTrustApp
{
    [DbFact]
    public async Task A_pdf_signed_with_a_certificate_of_a_trusted_ca_is_valid_with_its_signer_and_time()
    {
        var (client, _) = await SpecialistAsync();
        var path = await SignAsync(new KeyHolderCmsSigner(app.Pki.Signer(app.Pki.IssuePerson())));

        var result = await VerifyAsync(client, await UploadAsync(client, await File.ReadAllBytesAsync(path)));

        Assert.Equal("valid", result.Summary);
        var signature = Assert.Single(result.Signatures);
        Assert.Equal(("valid", TestPki.PersonName, TestPki.AgencyName, true), (signature.Verdict, signature.SignerName, signature.Organization, signature.CoversWholeFile));
        Assert.NotNull(signature.SigningTime);
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "signing.verify" && e.Details!.Contains("Hợp lệ"))));
    }

    [DbFact]
    public async Task One_flipped_byte_makes_the_signature_invalid()
    {
        var (client, _) = await SpecialistAsync();
        var bytes = await File.ReadAllBytesAsync(await SignAsync(new KeyHolderCmsSigner(app.Pki.Signer(app.Pki.IssuePerson()))));
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        var at = text.IndexOf("/MediaBox", StringComparison.Ordinal) + 2;
        bytes[at] ^= 0x01;

        var result = await VerifyAsync(client, await UploadAsync(client, bytes));

        Assert.Equal("invalid", result.Summary);
        Assert.Equal("invalid", Assert.Single(result.Signatures).Verdict);
    }

    [DbFact]
    public async Task A_page_changed_after_signing_is_reported_as_changed_after_signing()
    {
        var (client, _) = await SpecialistAsync();
        var path = await SignAsync(new KeyHolderCmsSigner(app.Pki.Signer(app.Pki.IssuePerson())));
        PdfSamples.AppendContentChange(path);

        var result = await VerifyAsync(client, await UploadAsync(client, await File.ReadAllBytesAsync(path)));

        var signature = Assert.Single(result.Signatures);
        Assert.Equal(("invalid", "changed-after-signing", false), (result.Summary, signature.Verdict, signature.CoversWholeFile));
        Assert.Equal("Văn bản đã bị thay đổi sau khi ký", signature.VerdictText);
    }

    [DbFact]
    public async Task A_certificate_made_by_the_signer_themself_is_untrusted()
    {
        var (client, _) = await SpecialistAsync();
        var path = await SignAsync(PdfSamples.Signer("Người Tự Cấp"));

        var result = await VerifyAsync(client, await UploadAsync(client, await File.ReadAllBytesAsync(path)));

        Assert.Equal("untrusted", Assert.Single(result.Signatures).Verdict);
    }

    [DbFact]
    public async Task An_unsigned_pdf_is_reported_as_not_signed_and_another_persons_file_is_not_found()
    {
        var (client, _) = await SpecialistAsync();
        var (other, _) = await SpecialistAsync();
        var fileId = await UploadAsync(client, PdfSamples.PdfSharpVietnamese());

        Assert.Equal("not-signed", (await VerifyAsync(client, fileId)).Summary);
        var foreign = await other.GetAsync($"/api/v1/signing/files/{fileId}/signatures");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    private async Task<(HttpClient Client, Guid Id)> SpecialistAsync()
    {
        var (id, userName) = await app.CreateUserAsync($"Chuyên viên {Guid.NewGuid():N}"[..24], DefaultRoles.Specialist);
        return (await app.SignedInAsAsync(userName), id);
    }

    private static async Task<string> SignAsync(ICmsSigner signer)
    {
        var source = PdfSamples.TempFile("nguon.pdf");
        await File.WriteAllBytesAsync(source, PdfSamples.PdfSharpVietnamese());
        var signed = PdfSamples.TempFile("da-ky.pdf");
        await using (var input = File.OpenRead(source))
        await using (var output = new FileStream(signed, FileMode.Create, FileAccess.ReadWrite))
        {
            await new PdfSigner().SignAsync(input, output, new PdfSignatureOptions { Reason = "Ký duyệt" }, signer, CancellationToken.None);
        }

        return signed;
    }

    private static async Task<Guid> UploadAsync(HttpClient client, byte[] pdf)
    {
        var response = await FileStoreClient.UploadAsync(client, (pdf, "van-ban.pdf", "application/pdf"));
        response.EnsureSuccessStatusCode();
        return Assert.Single((await response.Content.ReadFromJsonAsync<FileStoreClient.UploadResponseDto>())!.Files).Id;
    }

    private static async Task<Result> VerifyAsync(HttpClient client, Guid fileId) =>
        (await client.GetFromJsonAsync<Result>($"/api/v1/signing/files/{fileId}/signatures"))!;

    private sealed record Row(string Verdict, string VerdictText, string? SignerName, string? Organization, DateTimeOffset? SigningTime, bool CoversWholeFile);

    private sealed record Result(string Summary, string SummaryText, List<Row> Signatures);
}

/// <summary>An app whose signing trust anchor is the root of its own test PKI.</summary>
public interface ISigningTrustApp
{
    TestPki Pki { get; }
}

public sealed class SigningTrustSqliteApp : SqliteApp, ISigningTrustApp
{
    public TestPki Pki { get; } = new();

    protected override IDictionary<string, string?> ExtraSettings => SigningTrust.Settings(Pki);
}

public sealed class SigningTrustPostgresApp : PostgresApp, ISigningTrustApp
{
    public TestPki Pki { get; } = new();

    protected override IDictionary<string, string?> ExtraSettings => SigningTrust.Settings(Pki);
}

internal static class SigningTrust
{
    public static IDictionary<string, string?> Settings(TestPki pki)
    {
        var anchor = PdfSamples.TempFile("goc-tin-cay.cer");
        File.WriteAllBytes(anchor, pki.Root.RawData);
        return new Dictionary<string, string?> { ["Signing:TrustAnchorFiles:0"] = anchor };
    }
}

public sealed class FileSignatureVerificationTestsOnSqlite(SigningTrustSqliteApp app) : FileSignatureVerificationTests<SigningTrustSqliteApp>(app);

public sealed class FileSignatureVerificationTestsOnPostgres(SigningTrustPostgresApp app) : FileSignatureVerificationTests<SigningTrustPostgresApp>(app), IPostgresSuite;
