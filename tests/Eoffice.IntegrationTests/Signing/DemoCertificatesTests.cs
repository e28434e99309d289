using System.Net.Http.Json;
using System.Security.Claims;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Organization;
using Eoffice.IntegrationTests.Platform.Signing.Pdf;
using Eoffice.IntegrationTests.Platform.Storage;
using Eoffice.Web.Modules.Identity;
using Eoffice.Web.Modules.Signing;
using Eoffice.Web.Modules.Signing.Contracts;
using Eoffice.Web.Modules.Signing.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Signing;

/// <summary>
/// The demo gives its leaders and the agency's clerk test certificates from a demo CA: the director signs in their own
/// right, a deputy under KT., the clerk with the agency seal, each with an image; a signature made with one verifies
/// as valid because the demo root is trusted in demo mode; nobody else gets a certificate.
/// </summary>
public abstract class DemoCertificatesTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    [DbFact]
    public async Task The_director_deputies_and_clerk_have_usable_demo_certificates_with_images_and_nobody_else_has_one()
    {
        var director = await CertificatesOfAsync("nvan", SignatureRole.Personal, SignerCapacity.OwnRight);
        var deputy = await CertificatesOfAsync("ttbhanh", SignatureRole.Personal, SignerCapacity.Deputy);
        var otherDeputy = await CertificatesOfAsync("pqkhanh", SignatureRole.Personal, SignerCapacity.Deputy);
        var seal = await CertificatesOfAsync("dtmai", SignatureRole.AgencySeal, SignerCapacity.None);

        foreach (var (certificate, name) in new[] { (Assert.Single(director), "Nguyễn Văn An"), (Assert.Single(deputy), "Trần Thị Bích Hạnh"),
                     (Assert.Single(otherDeputy), "Phạm Quốc Khánh"), (Assert.Single(seal), "Sở Giao thông vận tải tỉnh Ninh Bình") })
        {
            Assert.Equal(name, certificate.SubjectName);
            Assert.Contains(SeedDemoCertificates.RootName, certificate.Issuer, StringComparison.Ordinal);
            Assert.Equal(("server-file", false), (certificate.Location, certificate.NeedsPin));
        }

        Assert.Empty(await CertificatesOfAsync("ttbhanh", SignatureRole.Personal, SignerCapacity.OwnRight)); // a deputy signs KT.
        Assert.Empty(await CertificatesOfAsync("nvan", SignatureRole.AgencySeal, SignerCapacity.None));
        Assert.Empty(await CertificatesOfAsync("lttha", SignatureRole.Personal, SignerCapacity.ByOrder));
        Assert.Empty(await CertificatesOfAsync("ktloan", SignatureRole.AgencySeal, SignerCapacity.None)); // the project board's clerk keeps no agency seal
        Assert.NotNull(await AsAsync("nvan", (IPdfSigning signing) => signing.ImageSizeAsync(SignatureRole.Personal, CancellationToken.None)));
        Assert.NotNull(await AsAsync("dtmai", (IPdfSigning signing) => signing.ImageSizeAsync(SignatureRole.AgencySeal, CancellationToken.None)));
        Assert.Equal(4, await app.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(e => e.Action == "signing.certificate.register" && e.ActorName == SeedAdministrator.DemoAdministratorUserName)));
    }

    [DbFact]
    public async Task A_pdf_signed_with_the_directors_demo_certificate_and_image_verifies_as_valid()
    {
        var director = await app.SignedInClientAsync("nvan", SeedAdministrator.DemoPassword);
        var upload = await FileStoreClient.UploadAsync(director, (PdfSamples.PdfSharpVietnamese(), "to-trinh.pdf", "application/pdf"));
        upload.EnsureSuccessStatusCode();
        var source = Assert.Single((await upload.Content.ReadFromJsonAsync<FileStoreClient.UploadResponseDto>())!.Files).Id;

        var signed = await AsAsync("nvan", async (IPdfSigning signing, EofficeDbContext db) =>
        {
            var result = await signing.SignAsync(new PdfSigningRequest(source, "to-trinh-da-ky.pdf", SignatureRole.Personal, SignerCapacity.OwnRight, null, null,
                new SignatureLook(new PageBox(0, 330, 80, 180, 70), true, ["Nguyễn Văn An"]), [], "Ký duyệt", "tờ trình thử"), CancellationToken.None);
            await db.SaveChangesAsync();
            return result;
        });
        var check = await AsAsync("nvan", (IFileSignatureCheck checks) => checks.CheckAsync(signed.FileId, CancellationToken.None));

        Assert.True(check.IsValid, check.Text);
        Assert.Contains("Nguyễn Văn An", Assert.Single(check.Signers), StringComparison.Ordinal);
    }

    private Task<IReadOnlyList<UsableCertificate>> CertificatesOfAsync(string userName, SignatureRole role, SignerCapacity capacity) =>
        AsAsync(userName, (IPdfSigning signing) => signing.CertificatesAsync(role, capacity, CancellationToken.None));

    private Task<T> AsAsync<TService, T>(string userName, Func<TService, Task<T>> action)
        where TService : notnull =>
        AsAsync(userName, (TService service, EofficeDbContext _) => action(service));

    /// <summary>Runs <paramref name="action"/> in a scope whose current user is the demo person <paramref name="userName"/>.</summary>
    private async Task<T> AsAsync<TService, T>(string userName, Func<TService, EofficeDbContext, Task<T>> action)
        where TService : notnull
    {
        var user = await app.WithDbAsync(db => db.Set<Eoffice.Web.Modules.Identity.Domain.User>().AsNoTracking().SingleAsync(u => u.UserName == userName));
        await using var scope = app.Services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [
                    new Claim(EofficeClaims.UserId, user.Id.ToString()), new Claim(EofficeClaims.UserName, user.UserName),
                    new Claim(EofficeClaims.FullName, user.FullName), new Claim(EofficeClaims.AgencyId, user.AgencyId!.Value.ToString()),
                ], "test")),
        };
        try
        {
            return await action(scope.ServiceProvider.GetRequiredService<TService>(), scope.ServiceProvider.GetRequiredService<EofficeDbContext>());
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }
}

public sealed class DemoCertificatesTestsOnSqlite(DemoCertificatesSqliteApp app) : DemoCertificatesTests<DemoCertificatesSqliteApp>(app);

public sealed class DemoCertificatesTestsOnPostgres(DemoCertificatesPostgresApp app) : DemoCertificatesTests<DemoCertificatesPostgresApp>(app), IPostgresSuite;

public sealed class DemoCertificatesSqliteApp : SqliteApp
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Eoffice:DemoCertificates"] = "true" };
}

public sealed class DemoCertificatesPostgresApp : PostgresApp
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Eoffice:DemoCertificates"] = "true" };
}

public sealed class DemoCertificatesSeedingTests
{
    [Fact]
    public async Task A_second_start_issues_no_more_certificates_images_or_roots()
    {
        var folder = Path.Combine(Path.GetTempPath(), "eoffice-tests", Guid.NewGuid().ToString("N"));
        (int Certificates, int Images, int Holders, string Root) first;
        await using (var app = new SeedingApp(folder, "Testing", demoMode: true, keepData: true))
        {
            await app.InitializeAsync();
            first = await CountsAsync(app, folder);
        }

        await using (var again = new SeedingApp(folder, "Testing", demoMode: true, keepData: false))
        {
            await again.InitializeAsync();
            Assert.Equal(first, await CountsAsync(again, folder));
        }

        Assert.Equal((4, 4, 1), (first.Certificates, first.Images, first.Holders));
        Assert.Contains("BEGIN CERTIFICATE", first.Root, StringComparison.Ordinal);
    }

    private static async Task<(int, int, int, string)> CountsAsync(EofficeApp app, string folder) =>
        await app.WithDbAsync(async db => (await db.Set<SigningCertificate>().CountAsync(), await db.Set<SignatureImage>().CountAsync(),
            (await db.Set<SigningCertificate>().Include(c => c.SealHolders).SingleAsync(c => c.Use == CertificateUse.AgencySeal)).SealHolders.Count,
            await File.ReadAllTextAsync(Path.Combine(folder, "demo-ca", "ca-thu-nghiem-eoffice.pem"))));
}
