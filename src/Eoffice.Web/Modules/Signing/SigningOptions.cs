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

    /// <summary>
    /// Where the local signing agent listens on each person's machine (docs/signing-protocols.md); pages may call it
    /// (CSP connect-src). Empty: signing through the agent is off.
    /// </summary>
    public string? LocalAgentUrl { get; set; } = "http://127.0.0.1:14455";

    /// <summary>The remote signing service (SmartCA / MySign style) the agency's people may sign through; none when unset.</summary>
    public RemoteServiceSettings? Remote { get; set; }
}

/// <summary>
/// The <c>Signing:Remote</c> section: where the remote signing service is and how eOffice authenticates to it (an API
/// key, or OAuth 2 client credentials). The wire format is <c>Platform/Signing/Remote/RemoteSigningClient</c>'s.
/// </summary>
public sealed class RemoteServiceSettings
{
    public string? BaseUrl { get; set; }

    public string? ApiKey { get; set; }

    public string ApiKeyHeader { get; set; } = "X-Api-Key";

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The expiry the service is asked to enforce on each transaction (the person has this long to approve).</summary>
    public TimeSpan TransactionLifetime { get; set; } = TimeSpan.FromMinutes(4);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
