namespace Eoffice.Web.Platform;

/// <summary>Host-wide settings of one eOffice installation (section "Eoffice" of the configuration).</summary>
public sealed class EofficeOptions
{
    public const string Section = "Eoffice";

    /// <summary>Folder for the SQLite database, the file store and other local state; relative paths are resolved against the content root.</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>Demo mode seeds the demo agency and shows a banner on every page. Never on in production.</summary>
    public bool DemoMode { get; set; }

    /// <summary>In demo mode, also registers a few sample incoming documents in each state of handling (on by default).</summary>
    public bool DemoSampleDocuments { get; set; } = true;

    /// <summary>In demo mode, also issues test certificates from a demo CA to the leaders and the agency seal (on by default).</summary>
    public bool DemoCertificates { get; set; } = true;

    /// <summary>
    /// Addresses of the reverse proxies (nginx…) in front of eOffice, e.g. "192.0.2.10": only from these are the
    /// X-Forwarded-For and X-Forwarded-Proto headers believed (docs/deployment-behind-proxy.md). Empty: none.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Networks of trusted reverse proxies in CIDR notation, e.g. "192.0.2.0/24"; for proxies without a fixed address.</summary>
    public string[] TrustedProxyNetworks { get; set; } = [];

    /// <summary>
    /// Whether <c>/openapi/v1.json</c> is served to anyone, signed in or not. Unset: only in the Development environment;
    /// elsewhere the document needs a session or an access token.
    /// </summary>
    public bool? OpenApiWithoutSignIn { get; set; }

    public bool ServesOpenApiWithoutSignIn(IHostEnvironment environment) => OpenApiWithoutSignIn ?? environment.IsDevelopment();

    public string ResolveDataPath(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(DataPath) ? DataPath : Path.Combine(contentRoot, DataPath));
}
