using System.DirectoryServices.Protocols;
using System.Net;

namespace Eoffice.Web.Modules.Identity.External;

/// <summary>What the directory says about a person who proved their password.</summary>
public sealed record DirectoryPerson(string Key, string? Email, string? FullName, string? UserName);

/// <summary>The answer of a directory to "is this the password of this person?".</summary>
public sealed record DirectoryCheck(ExternalSignInFailure Failure, DirectoryPerson? Person, string Detail)
{
    public static DirectoryCheck Refused(string detail) => new(ExternalSignInFailure.InvalidCredentials, null, detail);

    public static DirectoryCheck Unavailable(string detail) => new(ExternalSignInFailure.ProviderUnavailable, null, detail);
}

/// <summary>
/// Checks a person's password against an LDAP directory with a simple bind, either straight to a DN built from a
/// template or after finding the person's entry with a search. Everything the person typed is escaped before it
/// reaches a DN or filter. Needs the system's libldap (Debian: libldap-2.5-0); without it the answer is "unavailable".
/// </summary>
public sealed class LdapDirectory(ILogger<LdapDirectory> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>LDAP result code 49: wrong DN or password.</summary>
    private const int InvalidCredentialsCode = 49;

    public Task<DirectoryCheck> CheckPasswordAsync(ExternalSignInProvider provider, string login, string password, string? servicePassword,
        CancellationToken cancellationToken) =>
        Task.Run(() => CheckPassword(provider, login, password, servicePassword), cancellationToken);

    private DirectoryCheck CheckPassword(ExternalSignInProvider provider, string login, string password, string? servicePassword)
    {
        // An empty password is an "unauthenticated bind", which servers accept: it proves nothing.
        if (string.IsNullOrEmpty(password) || string.IsNullOrWhiteSpace(login))
        {
            return DirectoryCheck.Refused("empty user name or password");
        }

        try
        {
            using var connection = Connect(provider);
            string dn;
            SearchResultEntry? entry = null;
            if (provider.BindDnTemplate is { } template)
            {
                dn = LdapEscaping.Fill(template, LdapEscaping.EscapeDnValue(login));
            }
            else
            {
                if (provider.ServiceDn is { } serviceDn)
                {
                    try
                    {
                        connection.AuthType = AuthType.Basic;
                        connection.Bind(new NetworkCredential(serviceDn, servicePassword ?? string.Empty));
                    }
                    catch (LdapException ex) when (ex.ErrorCode == InvalidCredentialsCode)
                    {
                        return DirectoryCheck.Unavailable("the service account was refused by the directory");
                    }
                }

                var filter = LdapEscaping.Fill(provider.SearchFilter ?? "(uid={0})", LdapEscaping.EscapeFilterValue(login));
                var found = Search(connection, provider.SearchBase ?? string.Empty, SearchScope.Subtree, filter, provider, sizeLimit: 2);
                if (found.Count != 1)
                {
                    BindAsNobody(connection, provider, password);
                    return DirectoryCheck.Refused(found.Count == 0 ? "no directory entry matches" : "several directory entries match");
                }

                entry = found[0];
                dn = entry.DistinguishedName;
            }

            try
            {
                connection.AuthType = AuthType.Basic;
                connection.Bind(new NetworkCredential(dn, password));
            }
            catch (LdapException ex) when (ex.ErrorCode == InvalidCredentialsCode)
            {
                return DirectoryCheck.Refused("wrong password");
            }

            // Direct bind: read the person's own entry, now as the person.
            if (entry is null)
            {
                var own = Search(connection, dn, SearchScope.Base, "(objectClass=*)", provider, sizeLimit: 1);
                entry = own.Count == 1 ? own[0] : null;
            }

            return new DirectoryCheck(ExternalSignInFailure.None, new DirectoryPerson(
                entry?.DistinguishedName ?? dn,
                Read(entry, provider.EmailFieldOrDefault),
                Read(entry, provider.NameFieldOrDefault),
                Read(entry, provider.UserNameFieldOrDefault)), "password accepted");
        }
        catch (DirectoryOperationException ex) when (ex.Response?.ResultCode is ResultCode.SizeLimitExceeded or ResultCode.NoSuchObject)
        {
            return DirectoryCheck.Refused(ex.Response.ResultCode == ResultCode.NoSuchObject ? "no such entry" : "several directory entries match");
        }
        catch (LdapException ex)
        {
            logger.LogWarning(ex, "LDAP directory {Host}:{Port} failed with code {Code}", provider.Host, provider.PortOrDefault, ex.ErrorCode);
            return DirectoryCheck.Unavailable($"directory error {ex.ErrorCode}: {ex.Message}");
        }
        catch (DirectoryException ex)
        {
            logger.LogWarning(ex, "LDAP directory {Host}:{Port} failed", provider.Host, provider.PortOrDefault);
            return DirectoryCheck.Unavailable("directory error: " + ex.Message);
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or PlatformNotSupportedException)
        {
            logger.LogError(ex, "The LDAP client library is missing; install libldap (Debian: apt-get install libldap-2.5-0)");
            return DirectoryCheck.Unavailable("the LDAP client library (libldap-2.5-0) is not installed on the server");
        }
    }

    /// <summary>
    /// An unknown name still costs the bind a wrong password costs — to an entry that cannot exist, which the directory
    /// refuses — so that the answer's timing does not tell which names the directory holds.
    /// </summary>
    private static void BindAsNobody(LdapConnection connection, ExternalSignInProvider provider, string password)
    {
        try
        {
            connection.AuthType = AuthType.Basic;
            var nobody = $"cn=eoffice-no-such-entry-{Guid.NewGuid():N}";
            connection.Bind(new NetworkCredential(provider.SearchBase is { Length: > 0 } under ? $"{nobody},{under}" : nobody, password));
        }
        catch (LdapException)
        {
            // Refused, as it must be.
        }
    }

    private static LdapConnection Connect(ExternalSignInProvider provider)
    {
        var connection = new LdapConnection(new LdapDirectoryIdentifier(provider.Host, provider.PortOrDefault, fullyQualifiedDnsHostName: true, connectionless: false))
        {
            AuthType = AuthType.Anonymous,
            Timeout = Timeout,
            AutoBind = false,
        };
        connection.SessionOptions.ProtocolVersion = 3;
        connection.SessionOptions.ReferralChasing = ReferralChasingOptions.None;
        if (provider.Security == LdapTransportSecurity.Tls)
        {
            connection.SessionOptions.SecureSocketLayer = true;
        }
        else if (provider.Security == LdapTransportSecurity.StartTls)
        {
            connection.SessionOptions.StartTransportLayerSecurity(null);
        }

        return connection;
    }

    private static List<SearchResultEntry> Search(LdapConnection connection, string searchBase, SearchScope scope, string filter,
        ExternalSignInProvider provider, int sizeLimit)
    {
        var request = new SearchRequest(searchBase, filter, scope,
            provider.EmailFieldOrDefault, provider.NameFieldOrDefault, provider.UserNameFieldOrDefault)
        {
            SizeLimit = sizeLimit,
            TimeLimit = Timeout,
        };
        var response = (SearchResponse)connection.SendRequest(request, Timeout);
        return response.Entries.Cast<SearchResultEntry>().ToList();
    }

    private static string? Read(SearchResultEntry? entry, string attribute)
    {
        if (entry is null || !entry.Attributes.Contains(attribute))
        {
            return null;
        }

        var values = entry.Attributes[attribute].GetValues(typeof(string));
        return values.Length > 0 && values[0] is string value && value.Length > 0 ? value.Normalize() : null;
    }
}
