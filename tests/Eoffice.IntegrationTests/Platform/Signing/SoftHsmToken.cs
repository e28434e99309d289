using System.Diagnostics;
using System.Formats.Asn1;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Platform.Signing;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Eoffice.IntegrationTests.Platform.Signing;

/// <summary>
/// A fresh SoftHSM token in a temporary directory, set up the way a CA hands out a USB token: an RSA 2048 and an EC
/// P-256 key pair generated on the token (through Pkcs11Interop, so the private keys never exist outside it), each with
/// a certificate issued by a <see cref="TestPki"/> for its public key and stored next to it as a CKO_CERTIFICATE with
/// the same CKA_ID. SoftHSM reads its configuration at C_Initialize from SOFTHSM2_CONF, so the fixture sets that in the
/// process's native environment; the PKCS#11 library is finalised again before tests open their own signers. One
/// token per test class; test classes that use it belong to the <see cref="SoftHsmCollection"/> so they never run at
/// the same time.
/// </summary>
public sealed class SoftHsmToken : IDisposable
{
    public const string TokenLabel = "eOffice thu nghiem";
    public const string UserPin = "246810";
    public const string RsaKeyLabel = "nguyen-van-an-rsa";
    public const string EcKeyLabel = "nguyen-van-an-ec";
    private const string SoPin = "13579135";

    private readonly DirectoryInfo directory;

    public SoftHsmToken()
    {
        LibraryPath = SoftHsmFactDiscoverer.LibraryPath
            ?? throw new InvalidOperationException(SoftHsmFactDiscoverer.SoftHsmSkipReason);
        directory = Directory.CreateTempSubdirectory("eoffice-softhsm-");
        try
        {
            var tokens = Directory.CreateDirectory(Path.Combine(directory.FullName, "tokens"));
            var configuration = Path.Combine(directory.FullName, "softhsm2.conf");
            File.WriteAllText(configuration, $"directories.tokendir = {tokens.FullName}\nobjectstore.backend = file\nlog.level = ERROR\n");
            SetNativeEnvironment("SOFTHSM2_CONF", configuration);
            InitialiseToken(configuration);
            Pki = new TestPki();
            (RsaCertificate, EcCertificate) = CreateKeys();
        }
        catch
        {
            directory.Delete(recursive: true);
            throw;
        }
    }

    public string LibraryPath { get; }

    public TestPki Pki { get; }

    public X509Certificate2 RsaCertificate { get; }

    public X509Certificate2 EcCertificate { get; }

    /// <summary>Options that find the key by label on this token; change what a test needs with <c>with</c>.</summary>
    public Pkcs11SignerOptions Options(string keyLabel) => new()
    {
        LibraryPath = LibraryPath,
        TokenLabel = TokenLabel,
        UserPin = UserPin,
        KeyLabel = keyLabel,
        Chain = [Pki.IssuingCaPublic],
    };

    public void Dispose()
    {
        Pki.Dispose();
        directory.Delete(recursive: true);
    }

    private static void InitialiseToken(string configuration)
    {
        var start = new ProcessStartInfo("softhsm2-util")
        {
            ArgumentList = { "--init-token", "--free", "--label", TokenLabel, "--pin", UserPin, "--so-pin", SoPin },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["SOFTHSM2_CONF"] = configuration },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"softhsm2-util --init-token failed ({process.ExitCode}): {output.Result} {error}");
        }
    }

    private (X509Certificate2 Rsa, X509Certificate2 Ec) CreateKeys()
    {
        Pkcs11NativeLoader.EnsureRegistered();
        var factories = new Pkcs11InteropFactories();
        using var library = factories.Pkcs11LibraryFactory.LoadPkcs11Library(factories, LibraryPath, AppType.MultiThreaded);
        var slot = library.GetSlotList(SlotsType.WithTokenPresent).Single(s => s.GetTokenInfo().Label.Trim() == TokenLabel);
        using var session = slot.OpenSession(SessionType.ReadWrite);
        session.Login(CKU.CKU_USER, UserPin);
        var attributes = factories.ObjectAttributeFactory;

        byte[] rsaId = [0x01];
        session.GenerateKeyPair(factories.MechanismFactory.Create(CKM.CKM_RSA_PKCS_KEY_PAIR_GEN),
            [
                attributes.Create(CKA.CKA_TOKEN, true), attributes.Create(CKA.CKA_ID, rsaId),
                attributes.Create(CKA.CKA_LABEL, RsaKeyLabel), attributes.Create(CKA.CKA_VERIFY, true),
                attributes.Create(CKA.CKA_MODULUS_BITS, 2048UL), attributes.Create(CKA.CKA_PUBLIC_EXPONENT, new byte[] { 1, 0, 1 }),
            ],
            PrivateKeyTemplate(attributes, rsaId, RsaKeyLabel), out var rsaPublic, out _);
        var rsaValues = session.GetAttributeValue(rsaPublic, [CKA.CKA_MODULUS, CKA.CKA_PUBLIC_EXPONENT]);
        using var rsa = RSA.Create(new RSAParameters { Modulus = rsaValues[0].GetValueAsByteArray(), Exponent = rsaValues[1].GetValueAsByteArray() });
        var rsaCertificate = Pki.IssueForPublicKey(PublicKey.CreateFromSubjectPublicKeyInfo(rsa.ExportSubjectPublicKeyInfo(), out _),
            TestPki.PersonName, TestPki.AgencyName);
        StoreCertificate(session, attributes, rsaCertificate, rsaId, RsaKeyLabel);

        byte[] ecId = [0x02];
        var p256 = new AsnWriter(AsnEncodingRules.DER);
        p256.WriteObjectIdentifier("1.2.840.10045.3.1.7");
        session.GenerateKeyPair(factories.MechanismFactory.Create(CKM.CKM_EC_KEY_PAIR_GEN),
            [
                attributes.Create(CKA.CKA_TOKEN, true), attributes.Create(CKA.CKA_ID, ecId),
                attributes.Create(CKA.CKA_LABEL, EcKeyLabel), attributes.Create(CKA.CKA_VERIFY, true),
                attributes.Create(CKA.CKA_EC_PARAMS, p256.Encode()),
            ],
            PrivateKeyTemplate(attributes, ecId, EcKeyLabel), out var ecPublic, out _);
        var point = AsnDecoder.ReadOctetString(session.GetAttributeValue(ecPublic, [CKA.CKA_EC_POINT])[0].GetValueAsByteArray(),
            AsnEncodingRules.DER, out _);
        var half = (point.Length - 1) / 2;
        using var ec = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = point[1..(1 + half)], Y = point[(1 + half)..] },
        });
        var ecCertificate = Pki.IssueForPublicKey(PublicKey.CreateFromSubjectPublicKeyInfo(ec.ExportSubjectPublicKeyInfo(), out _),
            TestPki.PersonName, TestPki.AgencyName);
        StoreCertificate(session, attributes, ecCertificate, ecId, EcKeyLabel);

        session.Logout();
        return (rsaCertificate, ecCertificate);
    }

    private static List<IObjectAttribute> PrivateKeyTemplate(Net.Pkcs11Interop.HighLevelAPI.Factories.IObjectAttributeFactory attributes,
        byte[] id, string label) =>
    [
        attributes.Create(CKA.CKA_TOKEN, true), attributes.Create(CKA.CKA_PRIVATE, true), attributes.Create(CKA.CKA_SENSITIVE, true),
        attributes.Create(CKA.CKA_EXTRACTABLE, false), attributes.Create(CKA.CKA_SIGN, true),
        attributes.Create(CKA.CKA_ID, id), attributes.Create(CKA.CKA_LABEL, label),
    ];

    private static void StoreCertificate(Net.Pkcs11Interop.HighLevelAPI.ISession session,
        Net.Pkcs11Interop.HighLevelAPI.Factories.IObjectAttributeFactory attributes, X509Certificate2 certificate, byte[] id, string label)
    {
        var serial = new AsnWriter(AsnEncodingRules.DER);
        serial.WriteInteger(certificate.SerialNumberBytes.Span);
        session.CreateObject(
        [
            attributes.Create(CKA.CKA_CLASS, CKO.CKO_CERTIFICATE), attributes.Create(CKA.CKA_CERTIFICATE_TYPE, CKC.CKC_X_509),
            attributes.Create(CKA.CKA_TOKEN, true), attributes.Create(CKA.CKA_ID, id), attributes.Create(CKA.CKA_LABEL, label),
            attributes.Create(CKA.CKA_SUBJECT, certificate.SubjectName.RawData),
            attributes.Create(CKA.CKA_ISSUER, certificate.IssuerName.RawData),
            attributes.Create(CKA.CKA_SERIAL_NUMBER, serial.Encode()), attributes.Create(CKA.CKA_VALUE, certificate.RawData),
        ]);
    }

    private static void SetNativeEnvironment(string name, string value)
    {
        Environment.SetEnvironmentVariable(name, value);
        if (setenv(name, value, 1) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed: {Marshal.GetLastPInvokeError()}");
        }
    }

    // .NET keeps its own copy of the environment; a native library reading getenv() only sees what libc was told.
    [DllImport("libc", SetLastError = true)]
    private static extern int setenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}

/// <summary>Test classes using a <see cref="SoftHsmToken"/>: one at a time, because SOFTHSM2_CONF is process-wide.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoftHsmCollection
{
    public const string Name = "SoftHSM";
}
