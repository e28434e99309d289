using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Eoffice.Web.Modules.Identity.External;

/// <summary>Protects the providers' secrets (LDAP service password, OIDC client secret) with the data-protection key ring.</summary>
public sealed class ExternalProviderSecrets(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("Eoffice.Identity.External.ProviderSecret.v1");

    public string Protect(string secret) => protector.Protect(secret);

    /// <summary>The clear secret, or <c>null</c> when there is none or the key that protected it is gone.</summary>
    public string? Reveal(ExternalSignInProvider provider)
    {
        if (provider.ProtectedSecret is null)
        {
            return null;
        }

        try
        {
            return protector.Unprotect(provider.ProtectedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
