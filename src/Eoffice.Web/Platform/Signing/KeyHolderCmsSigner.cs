using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Eoffice.Web.Platform.Signing;

/// <summary>
/// An <see cref="ICmsSigner"/> for a key this server can reach directly (<see cref="IRawSigner"/>): prepare the signed
/// attributes, have the key sign their hash, time-stamp the signature value when a service is configured, assemble.
/// </summary>
public sealed class KeyHolderCmsSigner(IRawSigner key, ITimestampClient? timestamps = null) : ICmsSigner
{
    public async Task<CmsSignature> SignAsync(CmsSignatureRequest request, CancellationToken cancellationToken)
    {
        var prepared = CadesSignedData.Prepare(request.DocumentDigest, key.Certificate, key.Chain, request.SigningTime);
        var value = await key.SignHashAsync(prepared.HashToSign, cancellationToken);
        var token = timestamps is null ? null : await timestamps.RequestTokenAsync(value, cancellationToken);
        return new CmsSignature(CadesSignedData.Assemble(prepared, value, token), key.Certificate);
    }
}

/// <summary>A key held by the server in a PKCS#12 file (the agency seal's device, tests).</summary>
public sealed class Pkcs12RawSigner : IRawSigner, IDisposable
{
    private readonly AsymmetricAlgorithm privateKey;

    public Pkcs12RawSigner(X509Certificate2 certificateWithKey, IReadOnlyList<X509Certificate2>? chain = null)
    {
        ArgumentNullException.ThrowIfNull(certificateWithKey);
        privateKey = (AsymmetricAlgorithm?)certificateWithKey.GetRSAPrivateKey() ?? certificateWithKey.GetECDsaPrivateKey()
            ?? throw new ArgumentException("The certificate carries no RSA or EC private key.", nameof(certificateWithKey));
        Certificate = certificateWithKey;
        Chain = chain ?? [];
    }

    public static Pkcs12RawSigner Load(byte[] pkcs12, string? password) =>
        LoadFrom(X509CertificateLoader.LoadPkcs12Collection(pkcs12, password, X509KeyStorageFlags.EphemeralKeySet));

    public static Pkcs12RawSigner LoadFile(string path, string? password) =>
        LoadFrom(X509CertificateLoader.LoadPkcs12CollectionFromFile(path, password, X509KeyStorageFlags.EphemeralKeySet));

    private static Pkcs12RawSigner LoadFrom(X509Certificate2Collection collection)
    {
        var withKey = collection.FirstOrDefault(c => c.HasPrivateKey)
            ?? throw new ArgumentException("The PKCS#12 file holds no private key.");
        return new Pkcs12RawSigner(withKey, [.. collection.Where(c => !ReferenceEquals(c, withKey))]);
    }

    public X509Certificate2 Certificate { get; }

    public IReadOnlyList<X509Certificate2> Chain { get; }

    public Task<byte[]> SignHashAsync(byte[] sha256, CancellationToken cancellationToken) =>
        Task.FromResult(CadesSignedData.SignHash(privateKey, sha256));

    public void Dispose() => privateKey.Dispose();
}
