namespace Eoffice.Web.Modules.Signing;

/// <summary>
/// The <c>Signing</c> section. <see cref="Pkcs11Libraries"/> lists the PKCS#11 libraries the server may load: an
/// administrator chooses among them, never types a path, because loading a library runs its code in the server.
/// </summary>
public sealed class SigningOptions
{
    public const string Section = "Signing";

    public string[] Pkcs11Libraries { get; set; } = [];

    /// <summary>An RFC 3161 time-stamping service; when set, every signature is time-stamped (PAdES B-T).</summary>
    public string? TimestampUrl { get; set; }

    public TimeSpan TimestampTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Trust anchors (the government CA roots and the CAs the agency trusts): paths of .cer/.pem files.</summary>
    public string[] TrustAnchorFiles { get; set; } = [];

    /// <summary>Check revocation through the certificates' CRL distribution points.</summary>
    public bool CheckRevocation { get; set; }

    /// <summary>The agency seal's real diameter, at which its image is drawn (round seals of state agencies: 35–42 mm).</summary>
    public double SealDiameterMillimetres { get; set; } = 36;
}
