namespace Eoffice.Web.Platform.Signing.Remote;

/// <summary>
/// How eOffice reaches one remote signing service (SmartCA / MySign style): where it is, how it authenticates, and the
/// time limits of a signing transaction. The person approves on the phone, so a signature takes tens of seconds:
/// <see cref="PollInterval"/> and <see cref="Timeout"/> bound the waiting, <see cref="TransactionLifetime"/> is the
/// expiry the service is asked to enforce on its side.
/// </summary>
public sealed class RemoteSigningOptions
{
    /// <summary>The service's API root, e.g. <c>https://rs.example.vn/api/</c>. HTTPS except on the loopback interface.</summary>
    public required Uri BaseUrl { get; set; }

    /// <summary>An API key sent in <see cref="ApiKeyHeader"/>; when empty, OAuth 2 client credentials are used.</summary>
    public string? ApiKey { get; set; }

    public string ApiKeyHeader { get; set; } = "X-Api-Key";

    /// <summary>Client credentials exchanged at <c>v1/oauth/token</c> for a bearer token (used when <see cref="ApiKey"/> is empty).</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Where the service POSTs status changes; none means eOffice only polls.</summary>
    public Uri? CallbackUrl { get; set; }

    /// <summary>The shared secret of the callback's HMAC-SHA256 header (<see cref="RemoteSigningCallback"/>).</summary>
    public string? CallbackSecret { get; set; }

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long eOffice waits for the person's answer before it gives up (<see cref="RemoteSigningFailure.TimedOut"/>).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The expiry sent with each transaction: after it the service must refuse the approval.</summary>
    public TimeSpan TransactionLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
