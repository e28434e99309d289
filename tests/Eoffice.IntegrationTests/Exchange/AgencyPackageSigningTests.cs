using System.Net;
using System.Net.Http.Json;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Organization;
using Eoffice.IntegrationTests.Platform.Signing;
using Eoffice.Web.Modules.Exchange;
using Eoffice.Web.Modules.Exchange.Edxml;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Exchange;

/// <summary>
/// A package is signed with the agency seal's server-held key through Signing's contract and verifies against the
/// seal certificate; an agency without such a certificate has no key.
/// </summary>
public abstract class AgencyPackageSigningTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : EofficeApp
{
    [DbFact]
    public async Task A_package_signed_with_the_agency_seal_verifies_against_the_seal_certificate_and_not_another()
    {
        var pki = new TestPki();
        var seal = pki.IssueSeal();
        var admin = await app.SignedInClientAsync();
        var registered = await admin.PostAsJsonAsync("/api/v1/signing/certificates", new
        {
            use = "agency-seal", location = "server-file", keyFileBase64 = Convert.ToBase64String(pki.ExportPkcs12(seal)), keyFilePassword = TestPki.Pkcs12Password,
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var agencyId = await app.DemoAgencyIdAsync();
        var other = await app.CreateOtherAgencyAsync();

        using var scope = app.Services.CreateScope();
        var keys = scope.ServiceProvider.GetRequiredService<AgencyEdxmlKeys>();
        var key = await keys.ForAsync(agencyId, CancellationToken.None);
        var xml = EdxmlWriter.Build(Package());
        await EdxmlSignature.SignAsync(xml, key!, CancellationToken.None);
        using var stranger = PartnerDirectoryTests<TApp>.PartnerCertificate("Người lạ");

        Assert.Equal(seal.RawData, key!.Certificate.RawData);
        EdxmlSignature.Verify(xml, System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(seal.RawData));
        Assert.Equal(EdxmlRefusal.WrongSigner, Assert.Throws<EdxmlRefusedException>(() => EdxmlSignature.Verify(xml, stranger)).Reason);
        Assert.Null(await keys.ForAsync(other.AgencyId, CancellationToken.None));
    }

    private static EdxmlDocumentPackage Package() => new()
    {
        From = new EdxmlOrgan("000.00.00.H41", "UBND tỉnh Nghệ An"),
        To = [new EdxmlOrgan("000.00.00.G22", "Văn phòng Chính phủ")],
        DocumentId = "000.00.00.H41,2026/12/01,12/UBND-VP",
        Code = new EdxmlCode("12", "UBND-VP"),
        PromulgationDate = new DateOnly(2026, 12, 1),
        DocumentType = new EdxmlDocumentType("18", null, "Công văn"),
        Subject = "V/v thử ký gói tin bằng con dấu số của cơ quan",
        Attachments = [new EdxmlAttachment("cid:" + Guid.NewGuid(), "12.pdf", "application/pdf", null, [37, 80, 68, 70])],
    };
}

public sealed class AgencyPackageSigningTestsOnSqlite(SqliteApp app) : AgencyPackageSigningTests<SqliteApp>(app);

public sealed class AgencyPackageSigningTestsOnPostgres(PostgresApp app) : AgencyPackageSigningTests<PostgresApp>(app), IPostgresSuite;
