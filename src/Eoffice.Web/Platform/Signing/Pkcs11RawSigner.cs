using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using ISession = Net.Pkcs11Interop.HighLevelAPI.ISession;

namespace Eoffice.Web.Platform.Signing;

/// <summary>
/// Where the key sits on a PKCS#11 token. The token is picked by <see cref="TokenLabel"/> or <see cref="SlotId"/> (the
/// first token present when neither is set); the key by <see cref="KeyLabel"/> and/or <see cref="KeyId"/> (CKA_ID; the
/// only private key when neither is set). <see cref="Certificate"/> overrides the certificate stored on the token.
/// </summary>
public sealed record Pkcs11SignerOptions
{
    public required string LibraryPath { get; init; }

    public required string UserPin { get; init; }

    public string? TokenLabel { get; init; }

    public ulong? SlotId { get; init; }

    public string? KeyLabel { get; init; }

    public byte[]? KeyId { get; init; }

    public X509Certificate2? Certificate { get; init; }

    public IReadOnlyList<X509Certificate2> Chain { get; init; } = [];
}

/// <summary>
/// A key on a hardware token (the USB tokens most Vietnamese officials sign with), reached through the vendor's PKCS#11
/// library. The token computes the raw signature (CKM_RSA_PKCS over the SHA-256 DigestInfo, or CKM_ECDSA over the hash);
/// the key never leaves it. One session is opened and logged in once; calls are serialised on it because a PKCS#11
/// session must not run two operations at once. When the token was pulled out and plugged back in, the next call opens
/// a new session and logs in again before giving up. Failures surface as <see cref="SigningDeviceException"/>.
/// </summary>
public sealed class Pkcs11RawSigner : IRawSigner, IDisposable
{
    // DER DigestInfo prefix for SHA-256 (RFC 8017 §9.2 note 1): the hash follows.
    private static readonly byte[] Sha256DigestInfoPrefix =
        [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20];

    private readonly Pkcs11SignerOptions options;
    private readonly Pkcs11InteropFactories factories = new();
    private readonly IPkcs11Library library;
    private readonly Lock gate = new();
    private ISession? session;
    private IObjectHandle? privateKey;
    private CKK keyType;
    private bool disposed;

    public Pkcs11RawSigner(Pkcs11SignerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        Pkcs11NativeLoader.EnsureRegistered();
        try
        {
            library = factories.Pkcs11LibraryFactory.LoadPkcs11Library(factories, options.LibraryPath, AppType.MultiThreaded);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new SigningDeviceException(SigningDeviceProblem.LibraryUnavailable,
                $"The PKCS#11 library '{options.LibraryPath}' could not be loaded: {exception.Message}", exception);
        }

        try
        {
            var keyCkaId = Connect();
            Certificate = options.Certificate ?? ReadCertificate(keyCkaId);
            CheckCertificateMatchesKey(keyCkaId);
        }
        catch
        {
            Dispose();
            throw;
        }

        Chain = options.Chain;
    }

    public X509Certificate2 Certificate { get; }

    public IReadOnlyList<X509Certificate2> Chain { get; }

    public Task<byte[]> SignHashAsync(byte[] sha256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        if (sha256.Length != 32)
        {
            throw new ArgumentException("The hash must be a SHA-256 hash (32 bytes).", nameof(sha256));
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (session is null)
            {
                Connect();
            }

            try
            {
                return Task.FromResult(SignOnSession(sha256));
            }
            catch (Pkcs11Exception exception) when (IsSessionLost(exception.RV))
            {
                // The token was removed or the session died: one fresh session (and login) before reporting it.
                CloseSession();
                Connect();
            }
            catch (Pkcs11Exception exception)
            {
                throw Translate(exception, "sign with");
            }

            try
            {
                return Task.FromResult(SignOnSession(sha256));
            }
            catch (Pkcs11Exception exception)
            {
                throw Translate(exception, "sign with");
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            CloseSession();
            library?.Dispose();
        }
    }

    private byte[] SignOnSession(byte[] sha256)
    {
        var current = session!;
        if (keyType == CKK.CKK_EC)
        {
            var raw = current.Sign(factories.MechanismFactory.Create(CKM.CKM_ECDSA), privateKey!, sha256);
            return EcdsaRawToDer(raw);
        }

        return current.Sign(factories.MechanismFactory.Create(CKM.CKM_RSA_PKCS), privateKey!, [.. Sha256DigestInfoPrefix, .. sha256]);
    }

    /// <summary>Opens the session, logs in and finds the key; returns the key's CKA_ID (may be empty).</summary>
    private byte[] Connect()
    {
        ISlot slot;
        try
        {
            slot = FindSlot();
            session = slot.OpenSession(SessionType.ReadOnly);
        }
        catch (Pkcs11Exception exception)
        {
            throw Translate(exception, "open a session on");
        }

        try
        {
            session.Login(CKU.CKU_USER, options.UserPin);
        }
        catch (Pkcs11Exception exception) when (exception.RV == CKR.CKR_USER_ALREADY_LOGGED_IN)
        {
            // Login state is per application and token; another session of ours already holds it.
        }
        catch (Pkcs11Exception exception)
        {
            CloseSession();
            throw Translate(exception, "log in to");
        }

        try
        {
            return FindPrivateKey();
        }
        catch (Pkcs11Exception exception)
        {
            CloseSession();
            throw Translate(exception, "search");
        }
        catch
        {
            CloseSession();
            throw;
        }
    }

    private ISlot FindSlot()
    {
        var slots = library.GetSlotList(SlotsType.WithTokenPresent);
        foreach (var slot in slots)
        {
            if (options.SlotId is { } slotId && slot.SlotId != slotId)
            {
                continue;
            }

            if (options.TokenLabel is { } label && !string.Equals(slot.GetTokenInfo().Label.Trim(), label.Trim(), StringComparison.Ordinal))
            {
                continue;
            }

            return slot;
        }

        var wanted = options.TokenLabel is not null ? $"labelled '{options.TokenLabel}'"
            : options.SlotId is not null ? $"in slot {options.SlotId}" : "at all";
        throw new SigningDeviceException(SigningDeviceProblem.TokenMissing,
            $"No PKCS#11 token {wanted} is present ({slots.Count} token(s) found).");
    }

    private byte[] FindPrivateKey()
    {
        var template = new List<IObjectAttribute> { factories.ObjectAttributeFactory.Create(CKA.CKA_CLASS, CKO.CKO_PRIVATE_KEY) };
        if (options.KeyLabel is not null)
        {
            template.Add(factories.ObjectAttributeFactory.Create(CKA.CKA_LABEL, options.KeyLabel));
        }

        if (options.KeyId is not null)
        {
            template.Add(factories.ObjectAttributeFactory.Create(CKA.CKA_ID, options.KeyId));
        }

        var keys = session!.FindAllObjects(template);
        var described = DescribeKey();
        if (keys.Count == 0)
        {
            throw new SigningDeviceException(SigningDeviceProblem.KeyMissing, $"The token holds no private key {described}.");
        }

        if (keys.Count > 1)
        {
            throw new SigningDeviceException(SigningDeviceProblem.KeyMissing,
                $"The token holds {keys.Count} private keys {described}; set the key label or CKA_ID.");
        }

        privateKey = keys[0];
        var attributes = session.GetAttributeValue(privateKey, [CKA.CKA_KEY_TYPE, CKA.CKA_ID]);
        keyType = (CKK)attributes[0].GetValueAsUlong();
        if (keyType is not (CKK.CKK_RSA or CKK.CKK_EC))
        {
            throw new SigningDeviceException(SigningDeviceProblem.KeyMissing,
                $"The private key {described} is of type {keyType}; only RSA and EC keys can sign documents.");
        }

        return attributes[1].CannotBeRead ? [] : attributes[1].GetValueAsByteArray() ?? [];
    }

    private X509Certificate2 ReadCertificate(byte[] keyCkaId)
    {
        List<IObjectHandle> found;
        try
        {
            var template = new List<IObjectAttribute>
            {
                factories.ObjectAttributeFactory.Create(CKA.CKA_CLASS, CKO.CKO_CERTIFICATE),
                factories.ObjectAttributeFactory.Create(CKA.CKA_CERTIFICATE_TYPE, CKC.CKC_X_509),
            };
            // Token convention (PKCS#11 §4.6.3): a certificate shares its key's CKA_ID; fall back to the key label.
            if (keyCkaId.Length > 0)
            {
                template.Add(factories.ObjectAttributeFactory.Create(CKA.CKA_ID, keyCkaId));
            }
            else if (options.KeyLabel is not null)
            {
                template.Add(factories.ObjectAttributeFactory.Create(CKA.CKA_LABEL, options.KeyLabel));
            }

            found = session!.FindAllObjects(template);
            if (found.Count == 1)
            {
                var value = session.GetAttributeValue(found[0], [CKA.CKA_VALUE])[0].GetValueAsByteArray();
                return X509CertificateLoader.LoadCertificate(value);
            }
        }
        catch (Pkcs11Exception exception)
        {
            throw Translate(exception, "read the certificate from");
        }

        throw new SigningDeviceException(SigningDeviceProblem.CertificateMissing, found.Count == 0
            ? $"The token holds no certificate for the private key {DescribeKey()}, and none is configured."
            : $"The token holds {found.Count} certificates for the private key {DescribeKey()}; configure the certificate.");
    }

    private void CheckCertificateMatchesKey(byte[] keyCkaId)
    {
        byte[]? keyPublic;
        byte[]? certificatePublic;
        try
        {
            if (keyType == CKK.CKK_RSA)
            {
                keyPublic = session!.GetAttributeValue(privateKey!, [CKA.CKA_MODULUS])[0].GetValueAsByteArray();
                using var rsa = Certificate.GetRSAPublicKey();
                certificatePublic = rsa?.ExportParameters(false).Modulus;
            }
            else
            {
                // An EC private key does not expose its point; compare with the public key object of the same CKA_ID.
                var template = new List<IObjectAttribute>
                {
                    factories.ObjectAttributeFactory.Create(CKA.CKA_CLASS, CKO.CKO_PUBLIC_KEY),
                    factories.ObjectAttributeFactory.Create(CKA.CKA_ID, keyCkaId),
                };
                var publicKeys = keyCkaId.Length > 0 ? session!.FindAllObjects(template) : [];
                if (publicKeys.Count != 1)
                {
                    return;
                }

                var point = session!.GetAttributeValue(publicKeys[0], [CKA.CKA_EC_POINT])[0].GetValueAsByteArray();
                keyPublic = UnwrapEcPoint(point);
                certificatePublic = Certificate.PublicKey.EncodedKeyValue.RawData;
            }
        }
        catch (Pkcs11Exception exception)
        {
            throw Translate(exception, "read the public key from");
        }

        if (keyPublic is null || certificatePublic is null || !TrimLeadingZeros(keyPublic).SequenceEqual(TrimLeadingZeros(certificatePublic)))
        {
            throw new SigningDeviceException(SigningDeviceProblem.CertificateMissing,
                $"The certificate '{Certificate.Subject}' does not belong to the private key {DescribeKey()}.");
        }
    }

    private string DescribeKey() => (options.KeyLabel, options.KeyId) switch
    {
        (null, null) => "(no label or CKA_ID configured)",
        ({ } label, null) => $"labelled '{label}'",
        (null, { } id) => $"with CKA_ID {Convert.ToHexString(id)}",
        ({ } label, { } id) => $"labelled '{label}' with CKA_ID {Convert.ToHexString(id)}",
    };

    private void CloseSession()
    {
        if (session is null)
        {
            return;
        }

        try
        {
            session.Logout();
        }
        catch (Pkcs11Exception)
        {
            // Already logged out or the token is gone; closing the session below is all that is left to do.
        }

        try
        {
            session.CloseSession();
        }
        catch (Pkcs11Exception)
        {
            // The session is invalid already (token removed).
        }

        session.Dispose();
        session = null;
        privateKey = null;
    }

    private static bool IsSessionLost(CKR rv) => rv is CKR.CKR_SESSION_HANDLE_INVALID or CKR.CKR_SESSION_CLOSED
        or CKR.CKR_DEVICE_REMOVED or CKR.CKR_TOKEN_NOT_PRESENT or CKR.CKR_USER_NOT_LOGGED_IN or CKR.CKR_OBJECT_HANDLE_INVALID
        or CKR.CKR_KEY_HANDLE_INVALID;

    private SigningDeviceException Translate(Pkcs11Exception exception, string action)
    {
        var token = options.TokenLabel is null ? "the token" : $"the token '{options.TokenLabel}'";
        return exception.RV switch
        {
            CKR.CKR_PIN_INCORRECT or CKR.CKR_PIN_INVALID or CKR.CKR_PIN_LEN_RANGE => new SigningDeviceException(
                SigningDeviceProblem.WrongPin, $"The PIN for {token} is wrong.", exception),
            CKR.CKR_PIN_LOCKED or CKR.CKR_PIN_EXPIRED => new SigningDeviceException(
                SigningDeviceProblem.PinLocked, $"The PIN for {token} is locked or expired ({exception.RV}).", exception),
            CKR.CKR_TOKEN_NOT_PRESENT or CKR.CKR_DEVICE_REMOVED or CKR.CKR_SLOT_ID_INVALID or CKR.CKR_TOKEN_NOT_RECOGNIZED
                or CKR.CKR_SESSION_HANDLE_INVALID or CKR.CKR_SESSION_CLOSED => new SigningDeviceException(
                SigningDeviceProblem.TokenMissing, $"Could not {action} {token}: it is not present ({exception.RV}).", exception),
            _ => new SigningDeviceException(SigningDeviceProblem.DeviceError,
                $"Could not {action} {token}: {exception.RV} in {exception.Method}.", exception),
        };
    }

    /// <summary>CKM_ECDSA returns r‖s (each the size of the curve order); CMS wants the DER SEQUENCE of two INTEGERs.</summary>
    private static byte[] EcdsaRawToDer(byte[] raw)
    {
        if (raw.Length == 0 || raw.Length % 2 != 0)
        {
            throw new SigningDeviceException(SigningDeviceProblem.DeviceError, $"The token returned an ECDSA signature of {raw.Length} bytes.");
        }

        var half = raw.Length / 2;
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(TrimLeadingZeros(raw.AsSpan(0, half)));
            writer.WriteIntegerUnsigned(TrimLeadingZeros(raw.AsSpan(half)));
        }

        return writer.Encode();
    }

    /// <summary>CKA_EC_POINT is usually a DER OCTET STRING around the uncompressed point; some tokens give it bare.</summary>
    private static byte[] UnwrapEcPoint(byte[] point)
    {
        try
        {
            var inner = AsnDecoder.ReadOctetString(point, AsnEncodingRules.DER, out var consumed);
            return consumed == point.Length ? inner : point;
        }
        catch (AsnContentException)
        {
            return point;
        }
    }

    private static ReadOnlySpan<byte> TrimLeadingZeros(ReadOnlySpan<byte> value)
    {
        var start = 0;
        while (start < value.Length - 1 && value[start] == 0)
        {
            start++;
        }

        return value[start..];
    }
}
