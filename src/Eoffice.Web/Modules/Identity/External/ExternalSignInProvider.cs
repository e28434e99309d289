using System.Text.Json.Serialization;

namespace Eoffice.Web.Modules.Identity.External;

/// <summary>How eOffice talks to an agency directory.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExternalProviderKind>))]
public enum ExternalProviderKind
{
    /// <summary>An LDAP directory, as used by the official mail servers: the person's password is checked by a bind.</summary>
    Ldap = 0,

    /// <summary>An OpenID Connect server (the province's central sign-on): authorization code flow with PKCE.</summary>
    Oidc = 1,
}

/// <summary>How the connection to an LDAP directory is protected.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LdapTransportSecurity>))]
public enum LdapTransportSecurity
{
    /// <summary>Plain LDAP; only acceptable inside the agency's own network.</summary>
    None = 0,

    /// <summary>Plain connection upgraded with the StartTLS operation (usually port 389).</summary>
    StartTls = 1,

    /// <summary>LDAP over TLS from the first byte (LDAPS, usually port 636).</summary>
    Tls = 2,
}

/// <summary>
/// A central sign-on source configured by the administrator (regulation 000 Điều 4.1: "đăng nhập … bằng hệ thống xác
/// thực tập trung SSO sử dụng tài khoản mail công vụ"), e.g. "Thư công vụ tỉnh". A person signing in through it is
/// only ever let in as an existing eOffice account, linked by an <see cref="Domain.ExternalLogin"/>. The secret (the
/// LDAP service account's password or the OIDC client secret) is stored protected by the data-protection key ring.
/// </summary>
public sealed class ExternalSignInProvider
{
    private ExternalSignInProvider()
    {
        DisplayName = string.Empty;
    }

    public ExternalSignInProvider(ExternalProviderKind kind, string displayName, DateTime createdAt)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        DisplayName = displayName;
        CreatedAt = UpdatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public ExternalProviderKind Kind { get; private set; }

    /// <summary>The name on the sign-in page, e.g. "Thư công vụ tỉnh".</summary>
    public string DisplayName { get; private set; }

    /// <summary>Only enabled providers are offered on the sign-in page and accepted by the API.</summary>
    public bool IsEnabled { get; private set; }

    /// <summary>LDAP: the directory server's host name or address.</summary>
    public string? Host { get; private set; }

    /// <summary>LDAP: the port (389 plain/StartTLS, 636 LDAPS when empty).</summary>
    public int? Port { get; private set; }

    public LdapTransportSecurity Security { get; private set; }

    /// <summary>LDAP direct bind: the person's DN with "{0}" for what they typed, e.g. "uid={0},ou=people,dc=…".</summary>
    public string? BindDnTemplate { get; private set; }

    /// <summary>LDAP search-then-bind: where people are searched.</summary>
    public string? SearchBase { get; private set; }

    /// <summary>LDAP search-then-bind: the filter with "{0}" for what the person typed, e.g. "(|(uid={0})(mail={0}))".</summary>
    public string? SearchFilter { get; private set; }

    /// <summary>LDAP search-then-bind: the service account that searches (anonymous search when empty).</summary>
    public string? ServiceDn { get; private set; }

    /// <summary>The LDAP service password or the OIDC client secret, protected; never shown again once saved.</summary>
    public string? ProtectedSecret { get; private set; }

    /// <summary>OIDC: the issuer, e.g. "https://sso.tinh.gov.vn/realms/congvu"; its discovery document is read from it.</summary>
    public string? Authority { get; private set; }

    /// <summary>OIDC: eOffice's client id at the authorisation server.</summary>
    public string? ClientId { get; private set; }

    /// <summary>OIDC: the scopes asked for, separated by spaces ("openid email profile" when empty).</summary>
    public string? Scopes { get; private set; }

    /// <summary>The LDAP attribute or OIDC claim with the official e-mail ("mail" / "email" when empty).</summary>
    public string? EmailField { get; private set; }

    /// <summary>The LDAP attribute or OIDC claim with the full name ("cn" / "name" when empty).</summary>
    public string? NameField { get; private set; }

    /// <summary>The LDAP attribute or OIDC claim with the user name ("uid" / "preferred_username" when empty).</summary>
    public string? UserNameField { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>The attribute or claim read for the e-mail, with the default of the provider's kind.</summary>
    public string EmailFieldOrDefault => Blank(EmailField) ?? (Kind == ExternalProviderKind.Ldap ? "mail" : "email");

    public string NameFieldOrDefault => Blank(NameField) ?? (Kind == ExternalProviderKind.Ldap ? "cn" : "name");

    public string UserNameFieldOrDefault => Blank(UserNameField) ?? (Kind == ExternalProviderKind.Ldap ? "uid" : "preferred_username");

    public int PortOrDefault => Port ?? (Security == LdapTransportSecurity.Tls ? 636 : 389);

    public string ScopesOrDefault => Blank(Scopes) ?? "openid email profile";

    /// <summary>The value stored as <see cref="Domain.ExternalLogin.Provider"/>.</summary>
    public string LoginProviderName => Kind == ExternalProviderKind.Ldap ? "ldap" : "oidc";

    /// <summary>Replaces the connection settings; the secret is changed only through <see cref="SetProtectedSecret"/>.</summary>
    public void Configure(ExternalProviderSettings settings, DateTime at)
    {
        DisplayName = settings.DisplayName;
        IsEnabled = settings.IsEnabled;
        Host = Blank(settings.Host);
        Port = settings.Port;
        Security = settings.Security;
        BindDnTemplate = Blank(settings.BindDnTemplate);
        SearchBase = Blank(settings.SearchBase);
        SearchFilter = Blank(settings.SearchFilter);
        ServiceDn = Blank(settings.ServiceDn);
        Authority = Blank(settings.Authority);
        ClientId = Blank(settings.ClientId);
        Scopes = Blank(settings.Scopes);
        EmailField = Blank(settings.EmailField);
        NameField = Blank(settings.NameField);
        UserNameField = Blank(settings.UserNameField);
        UpdatedAt = at;
    }

    public void SetProtectedSecret(string? protectedSecret, DateTime at)
    {
        ProtectedSecret = protectedSecret;
        UpdatedAt = at;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The settings of a provider as an administrator edits them (everything but the secret).</summary>
public sealed record ExternalProviderSettings(
    string DisplayName,
    bool IsEnabled,
    string? Host = null,
    int? Port = null,
    LdapTransportSecurity Security = LdapTransportSecurity.None,
    string? BindDnTemplate = null,
    string? SearchBase = null,
    string? SearchFilter = null,
    string? ServiceDn = null,
    string? Authority = null,
    string? ClientId = null,
    string? Scopes = null,
    string? EmailField = null,
    string? NameField = null,
    string? UserNameField = null);
