using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Modules.Signing.Domain;
using Eoffice.Web.Platform;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Modules.Signing;

/// <summary>
/// In demo mode (and unless <see cref="EofficeOptions.DemoCertificates"/> is off), lets the demo try "Ký số": a test CA
/// of its own ("CA thử nghiệm eOffice (không dùng thật)"), whose root is written to the data folder and trusted by
/// verification in demo mode only (<see cref="DemoRootPath"/>); a server-held PKCS#12 certificate for the director (in
/// their own right) and for each deputy director (KT.), each with a blue handwriting image; the agency-seal
/// certificate, kept by the agency's clerks, with a red round seal image. Everything goes through the module's own
/// handlers, acting as the demo administrator, so the rows, the encrypted key files and the audit entries are those an
/// administrator would make. A later start finds the agency's certificates and changes nothing.
/// </summary>
public sealed class SeedDemoCertificates(
    IServiceScopeFactory scopes,
    IOrganizationDirectory organization,
    IPeopleDirectory people,
    IAccessScopes roles,
    EofficeDbContext db,
    IOptions<EofficeOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<SeedDemoCertificates> logger) : IStartupSeeder
{
    public const string RootName = "CA thử nghiệm eOffice (không dùng thật)";

    public int Order => 58;

    /// <summary>Where the demo CA's root certificate is kept: trusted by verification when demo mode is on.</summary>
    public static string DemoRootPath(EofficeOptions options, IHostEnvironment environment) =>
        Path.Combine(options.ResolveDataPath(environment.ContentRootPath), "demo-ca", "ca-thu-nghiem-eoffice.pem");

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Value.DemoMode || !options.Value.DemoCertificates || environment.IsProduction()
            || await organization.FindAgencyByCodeAsync(DemoAgency.Code, cancellationToken) is not { } agency
            || await db.Set<SigningCertificate>().AnyAsync(c => c.AgencyId == agency.Id, cancellationToken))
        {
            return;
        }

        var everyone = await people.PeopleOfAgencyAsync(agency.Id, cancellationToken);
        var positions = (await organization.PositionsOfAgencyAsync(agency.Id, cancellationToken)).ToDictionary(p => p.Id, p => p.Name);
        var units = await organization.UnitsOfAgencyAsync(agency.Id, cancellationToken);
        var office = units.First(u => u.Name == DemoAgency.Units.Office);
        string? PositionOf(PersonInfo person) => person.PositionId is { } id ? positions.GetValueOrDefault(id) : null;
        var leaders = everyone.Where(p => p.IsActive && PositionOf(p) is DemoAgency.Positions.Director or DemoAgency.Positions.DeputyDirector).ToList();
        var clerks = (await roles.HoldersOfRoleAsync(agency.Id, DefaultRoles.Clerk, cancellationToken))
            .Where(c => c.ScopeUnitId is null || c.ScopeUnitId == office.Id).Select(c => c.UserId).Distinct().ToList();
        var administrator = (await roles.HoldersOfRoleAsync(agency.Id, DefaultRoles.Administrator, cancellationToken))
            .Select(r => everyone.FirstOrDefault(p => p.Id == r.UserId)).FirstOrDefault(p => p is { IsActive: true });
        if (administrator is null || leaders.Count == 0 || clerks.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        using var root = NewRoot(now);
        var rootPath = DemoRootPath(options.Value, environment);
        Directory.CreateDirectory(Path.GetDirectoryName(rootPath)!);
        await File.WriteAllTextAsync(rootPath, root.ExportCertificatePem(), cancellationToken);

        // The handlers, the audit log and the file store read the person from the request: give this work one of the
        // demo administrator's, for its duration only.
        await using var scope = scopes.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { User = PrincipalOf(administrator, agency.Id), RequestServices = scope.ServiceProvider };
        try
        {
            var register = scope.ServiceProvider.GetRequiredService<RegisterCertificate>();
            var images = scope.ServiceProvider.GetRequiredService<ReplaceSignatureImage>();
            foreach (var leader in leaders)
            {
                var capacity = PositionOf(leader) == DemoAgency.Positions.Director ? "own" : "kt";
                var (file, password) = NewKeyFile(root, $"CN={leader.FullName}, OU={PositionOf(leader)}, O={DemoAgency.FullName}, L=Ninh Bình, C=VN", now);
                await register.HandleAsync(new RegisterCertificate.Request("personal", "server-file", leader.Id, [capacity], null,
                    Convert.ToBase64String(file), password, null, null, null, null), cancellationToken);
                await images.HandleUploadAsync(leader.Id.ToString(), new MemoryStream(DemoImages.Handwriting(leader.FullName)),
                    $"chu-ky-{leader.UserName}.png", cancellationToken);
            }

            var (sealFile, sealPassword) = NewKeyFile(root, $"CN={DemoAgency.FullName}, O={DemoAgency.FullName}, L=Ninh Bình, C=VN", now);
            var seal = await register.HandleAsync(new RegisterCertificate.Request("agency-seal", "server-file", null, null, null,
                Convert.ToBase64String(sealFile), sealPassword, null, null, null, null), cancellationToken);
            await scope.ServiceProvider.GetRequiredService<SetSealHolders>().HandleAsync(seal.Id, new SetSealHolders.Request(clerks), cancellationToken);
            await images.HandleUploadAsync(ReplaceSignatureImage.Seal, new MemoryStream(DemoImages.Seal(DemoAgency.FullName)), "con-dau.png", cancellationToken);
        }
        finally
        {
            accessor.HttpContext = null;
        }

        logger.LogInformation("Demo certificates issued by '{Root}' for {Leaders} leaders and the agency seal.", RootName, leaders.Count);
    }

    private static ClaimsPrincipal PrincipalOf(PersonInfo person, Guid agencyId) =>
        new(new ClaimsIdentity(
            [
                new Claim(EofficeClaims.UserId, person.Id.ToString()),
                new Claim(EofficeClaims.UserName, person.UserName),
                new Claim(EofficeClaims.FullName, person.FullName),
                new Claim(EofficeClaims.AgencyId, agencyId.ToString()),
                new Claim(EofficeClaims.Permission, SigningPermissions.ManageSigning),
            ], "demo-seed", EofficeClaims.UserName, EofficeClaims.Role));

    private static X509Certificate2 NewRoot(DateTimeOffset now)
    {
        // The key stays with the returned certificate, which issues the others.
        var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={RootName}, O=eOffice, C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
    }

    /// <summary>A signing certificate issued by the demo root, as the PKCS#12 file a CA hands out (with the root), and its password.</summary>
    private static (byte[] File, string Password) NewKeyFile(X509Certificate2 root, string subject, DateTimeOffset now)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F; // a positive serial number
        using var issued = request.Create(root, now.AddDays(-1), now.AddYears(3), serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        using var rootOnly = X509CertificateLoader.LoadCertificate(root.RawData);
        return (new X509Certificate2Collection { withKey, rootOnly }.Export(X509ContentType.Pkcs12, password)!, password);
    }
}
