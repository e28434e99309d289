using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Eoffice.Web.Platform;
using Eoffice.Web.Platform.Signing;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Modules.Signing;

/// <summary>
/// The certificates signatures are trusted from (the government CA roots, the CAs the agency chose), read once from the
/// files <see cref="SigningOptions.TrustAnchorFiles"/> names (DER or PEM, several per PEM file), and the policy a
/// verification uses now. A file that cannot be read stops the start-up with its name rather than trust less silently.
/// In demo mode the demo CA's root (<see cref="SeedDemoCertificates"/>) is trusted too, once the seed has written it.
/// </summary>
public sealed class TrustAnchors(IOptions<SigningOptions> options, IOptions<EofficeOptions> eoffice, IHostEnvironment environment, TimeProvider time)
{
    private readonly Lazy<IReadOnlyList<X509Certificate2>> anchors = new(() => Load(options.Value.TrustAnchorFiles.Concat(DemoRoot(eoffice.Value, environment))));

    public IReadOnlyList<X509Certificate2> Anchors => anchors.Value;

    public TrustPolicy PolicyNow() =>
        new(Anchors, time.GetUtcNow()) { CheckRevocation = options.Value.CheckRevocation };

    private static IEnumerable<string> DemoRoot(EofficeOptions eoffice, IHostEnvironment environment) =>
        SeedDemoCertificates.DemoRootPath(eoffice, environment) is var path && eoffice.DemoMode && !environment.IsProduction() && File.Exists(path)
            ? [path]
            : [];

    private static IReadOnlyList<X509Certificate2> Load(IEnumerable<string> files)
    {
        var loaded = new List<X509Certificate2>();
        foreach (var file in files)
        {
            try
            {
                var collection = new X509Certificate2Collection();
                if (File.ReadAllText(file).Contains("-----BEGIN", StringComparison.Ordinal))
                {
                    collection.ImportFromPemFile(file);
                }
                else
                {
                    collection.Add(X509CertificateLoader.LoadCertificateFromFile(file));
                }

                loaded.AddRange(collection);
            }
            catch (Exception e) when (e is IOException or CryptographicException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"The trust anchor file {file} (Signing:TrustAnchorFiles) cannot be read: {e.Message}", e);
            }
        }

        return loaded;
    }
}
