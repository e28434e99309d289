using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Eoffice.Web.Platform.Signing;
using Microsoft.AspNetCore.DataProtection;

namespace Eoffice.Web.Modules.Signing;

/// <summary>
/// Keeps server-held PKCS#12 files (the agency seal's key) encrypted at rest with the application's data-protection
/// keys, and opens them only to sign. The file and its password are protected together; neither is ever shown again.
/// Opening a PKCS#12 file costs its password-based key derivation (10–40 ms for the files CAs issue, more than the
/// signature itself, docs/benchmarks.md), so an opened key stays open for <see cref="KeepOpen"/> after its last use —
/// the clerk issuing a batch pays it once — and is used by one signature at a time.
/// </summary>
public sealed class KeyFileVault(IDataProtectionProvider protection, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan KeepOpen = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, OpenKey> open = new(StringComparer.Ordinal);

    private IDataProtector Protector => protection.CreateProtector("Eoffice.Signing.KeyFile.v1");

    public string Protect(byte[] pkcs12, string? password) =>
        Protector.Protect(JsonSerializer.Serialize(new Sealed(Convert.ToBase64String(pkcs12), password)));

    /// <summary>The key of a protected file, ready to sign; the caller does not dispose it.</summary>
    public IRawSigner Open(string protectedKeyFile)
    {
        var now = time.GetUtcNow();
        foreach (var (name, stale) in open.Where(e => e.Value.IdleSince(now) > KeepOpen).ToList())
        {
            if (open.TryRemove(name, out _))
            {
                stale.Dispose();
            }
        }

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(protectedKeyFile)));
        return open.GetOrAdd(key, _ =>
        {
            var sealedFile = JsonSerializer.Deserialize<Sealed>(Protector.Unprotect(protectedKeyFile))
                ?? throw new InvalidOperationException("The protected key file is empty.");
            return new OpenKey(Pkcs12RawSigner.Load(Convert.FromBase64String(sealedFile.File), sealedFile.Password), time);
        });
    }

    public void Dispose()
    {
        foreach (var key in open.Values)
        {
            key.Dispose();
        }

        open.Clear();
    }

    private sealed record Sealed(string File, string? Password);

    /// <summary>An opened key: one signature at a time, disposed only when no signature holds it.</summary>
    private sealed class OpenKey(Pkcs12RawSigner signer, TimeProvider time) : IRawSigner, IDisposable
    {
        private readonly SemaphoreSlim gate = new(1, 1);
        private DateTimeOffset lastUse = time.GetUtcNow();
        private bool disposed;

        public X509Certificate2 Certificate => signer.Certificate;

        public IReadOnlyList<X509Certificate2> Chain => signer.Chain;

        public TimeSpan IdleSince(DateTimeOffset now) => now - lastUse;

        public async Task<byte[]> SignHashAsync(byte[] sha256, CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                ObjectDisposedException.ThrowIf(disposed, this);
                lastUse = time.GetUtcNow();
                return await signer.SignHashAsync(sha256, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }

        public void Dispose()
        {
            gate.Wait();
            try
            {
                disposed = true;
                signer.Dispose();
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
