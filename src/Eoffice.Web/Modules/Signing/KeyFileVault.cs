using System.Text.Json;
using Eoffice.Web.Platform.Signing;
using Microsoft.AspNetCore.DataProtection;

namespace Eoffice.Web.Modules.Signing;

/// <summary>
/// Keeps server-held PKCS#12 files (the agency seal's key) encrypted at rest with the application's data-protection
/// keys, and opens them only to sign. The file and its password are protected together; neither is ever shown again.
/// </summary>
public sealed class KeyFileVault(IDataProtectionProvider protection)
{
    private IDataProtector Protector => protection.CreateProtector("Eoffice.Signing.KeyFile.v1");

    public string Protect(byte[] pkcs12, string? password) =>
        Protector.Protect(JsonSerializer.Serialize(new Sealed(Convert.ToBase64String(pkcs12), password)));

    public Pkcs12RawSigner Open(string protectedKeyFile)
    {
        var sealedFile = JsonSerializer.Deserialize<Sealed>(Protector.Unprotect(protectedKeyFile))
            ?? throw new InvalidOperationException("The protected key file is empty.");
        return Pkcs12RawSigner.Load(Convert.FromBase64String(sealedFile.File), sealedFile.Password);
    }

    private sealed record Sealed(string File, string? Password);
}
