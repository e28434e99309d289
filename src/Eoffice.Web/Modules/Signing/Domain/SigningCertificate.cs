using System.Security.Cryptography.X509Certificates;
using Eoffice.Web.Platform.Rules;

namespace Eoffice.Web.Modules.Signing.Domain;

/// <summary>Whose signature a certificate makes: a person's (người có thẩm quyền) or the agency's (con dấu số).</summary>
public enum CertificateUse
{
    Personal = 1,
    AgencySeal = 2,
}

/// <summary>Where the private key is and so how eOffice reaches it.</summary>
public enum KeyLocation
{
    /// <summary>A PKCS#12 file held by the server, encrypted at rest (the agency seal's key device, kept by the clerks).</summary>
    ServerFile = 1,

    /// <summary>A token or HSM the server reaches through a PKCS#11 library; the holder gives the PIN when signing.</summary>
    Pkcs11Token = 2,

    /// <summary>A remote signing service (SmartCA, MySign style): the holder approves each signature on the phone.</summary>
    RemoteService = 3,

    /// <summary>A USB token on the holder's computer, reached by the page through the local signing agent.</summary>
    LocalAgent = 4,
}

/// <summary>The authority lines a personal certificate may sign under (Phụ lục I: ký trực tiếp/TM./Q., KT., TL., TUQ.).</summary>
[Flags]
public enum SigningCapacities
{
    None = 0,

    /// <summary>In one's own right: no prefix, TM. (on behalf of a collective) or Q. (acting head).</summary>
    OwnRight = 1,

    /// <summary>KT.: a deputy signing for the head.</summary>
    Deputy = 2,

    /// <summary>TL.: by order of the head.</summary>
    ByOrder = 4,

    /// <summary>TUQ.: by the head's authorisation, for a limited time.</summary>
    ByAuthorisation = 8,

    All = OwnRight | Deputy | ByOrder | ByAuthorisation,
}

/// <summary>
/// A certificate registered for signing (chứng thư số), with where its key is. A personal certificate is used only by
/// its owner, under the capacities the administrator allowed; the agency's seal certificate only by its seal holders
/// (văn thư). The certificate itself (public) is kept; a server-held key is kept encrypted, never shown again.
/// </summary>
public sealed class SigningCertificate
{
    public const int NameMaxLength = 200;
    public const int SubjectMaxLength = 500;
    public const int SerialMaxLength = 100;
    public const int ThumbprintMaxLength = 64;
    public const int PathMaxLength = 500;
    public const int LabelMaxLength = 200;

    private readonly List<SealHolder> sealHolders = [];

    private SigningCertificate()
    {
        Subject = SubjectName = Issuer = SerialNumber = Thumbprint = AddedByName = string.Empty;
        CertificateDer = [];
    }

    internal SigningCertificate(Guid agencyId, CertificateUse use, KeyLocation location, X509Certificate2 certificate,
        Guid? ownerId, string? ownerName, SigningCapacities capacities, Guid addedBy, string addedByName, DateTime now)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        Use = use;
        Location = location;
        CertificateDer = certificate.RawData;
        Subject = Cut(certificate.Subject, SubjectMaxLength);
        SubjectName = Cut(certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false), NameMaxLength);
        Issuer = Cut(certificate.Issuer, SubjectMaxLength);
        SerialNumber = certificate.SerialNumber;
        Thumbprint = certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);
        NotBefore = certificate.NotBefore.ToUniversalTime();
        NotAfter = certificate.NotAfter.ToUniversalTime();
        OwnerId = use == CertificateUse.Personal ? ownerId : null;
        OwnerName = use == CertificateUse.Personal ? ownerName : null;
        Capacities = use == CertificateUse.Personal ? capacities : SigningCapacities.None;
        IsActive = true;
        AddedBy = addedBy;
        AddedByName = addedByName;
        AddedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public CertificateUse Use { get; private set; }

    public KeyLocation Location { get; private set; }

    /// <summary>The X.509 certificate, DER.</summary>
    public byte[] CertificateDer { get; private set; }

    public string Subject { get; private set; }

    /// <summary>The subject's common name, as shown in lists.</summary>
    public string SubjectName { get; private set; }

    public string Issuer { get; private set; }

    /// <summary>Hex, as the certificate gives it.</summary>
    public string SerialNumber { get; private set; }

    /// <summary>SHA-256 of the certificate, hex: how the agent and remote services name it.</summary>
    public string Thumbprint { get; private set; }

    public DateTime NotBefore { get; private set; }

    public DateTime NotAfter { get; private set; }

    /// <summary>The person a personal certificate belongs to; null for the agency seal.</summary>
    public Guid? OwnerId { get; private set; }

    public string? OwnerName { get; private set; }

    public SigningCapacities Capacities { get; private set; }

    /// <summary>The CA certificates between the certificate and its root (PEM), embedded in the signatures it makes; null when none was given.</summary>
    public string? ChainPem { get; private set; }

    /// <summary>A server-held PKCS#12 file, encrypted with the application's data-protection keys.</summary>
    public string? ProtectedKeyFile { get; private set; }

    /// <summary>PKCS#11: the library the server loads, the token's label and the key's label on it.</summary>
    public string? Pkcs11Library { get; private set; }

    public string? Pkcs11TokenLabel { get; private set; }

    public string? Pkcs11KeyLabel { get; private set; }

    /// <summary>The holder's user id at the remote signing service.</summary>
    public string? RemoteUserId { get; private set; }

    public bool IsActive { get; private set; }

    public Guid AddedBy { get; private set; }

    public string AddedByName { get; private set; }

    public DateTime AddedAt { get; private set; }

    public DateTime? DeactivatedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<SealHolder> SealHolders => sealHolders;

    internal void KeepServerFile(string protectedKeyFile) => ProtectedKeyFile = protectedKeyFile;

    internal void UsePkcs11(string library, string tokenLabel, string? keyLabel)
    {
        Pkcs11Library = library;
        Pkcs11TokenLabel = tokenLabel;
        Pkcs11KeyLabel = keyLabel;
    }

    internal void UseRemoteService(string remoteUserId) => RemoteUserId = remoteUserId;

    internal void KeepChain(IReadOnlyList<X509Certificate2> chain) =>
        ChainPem = chain.Count == 0 ? null : string.Join('\n', chain.Select(c => c.ExportCertificatePem()));

    /// <summary>The CA certificates of <see cref="ChainPem"/>.</summary>
    public IReadOnlyList<X509Certificate2> Chain()
    {
        if (ChainPem is null)
        {
            return [];
        }

        var all = new X509Certificate2Collection();
        all.ImportFromPem(ChainPem);
        return [.. all];
    }

    public X509Certificate2 Certificate() => X509CertificateLoader.LoadCertificate(CertificateDer);

    /// <summary>The seal holders are replaced as a whole (the administrator ticks the clerks who keep the seal).</summary>
    internal void SetSealHolders(IEnumerable<(Guid Id, string Name)> holders)
    {
        if (Use != CertificateUse.AgencySeal)
        {
            throw RuleException.Invalid("Chỉ chứng thư số của cơ quan có người giữ dấu.", "holderIds");
        }

        sealHolders.Clear();
        sealHolders.AddRange(holders.DistinctBy(h => h.Id).Select(h => new SealHolder(Id, h.Id, h.Name)));
        Version++;
    }

    internal void Deactivate(DateTime now)
    {
        if (!IsActive)
        {
            throw RuleException.Conflict("Chứng thư số đã ngừng sử dụng.");
        }

        IsActive = false;
        DeactivatedAt = now;
        ProtectedKeyFile = null;
        Version++;
    }

    /// <summary>
    /// Whether <paramref name="accountId"/> may sign with this certificate now, for this purpose and capacity: nobody
    /// signs with another person's certificate, only seal holders apply the agency seal, and an expired, not yet valid
    /// or stopped certificate signs nothing.
    /// </summary>
    public string? RefusalFor(Guid accountId, CertificateUse use, SigningCapacities capacity, DateTime now)
    {
        if (!IsActive)
        {
            return "Chứng thư số đã ngừng sử dụng.";
        }

        if (now < NotBefore || now > NotAfter)
        {
            return $"Chứng thư số không còn hiệu lực (hiệu lực từ {NotBefore:dd/MM/yyyy} đến {NotAfter:dd/MM/yyyy}).";
        }

        if (use != Use)
        {
            return use == CertificateUse.AgencySeal
                ? "Chứng thư số này không phải chứng thư số của cơ quan."
                : "Chứng thư số của cơ quan không dùng để ký cá nhân.";
        }

        if (Use == CertificateUse.Personal)
        {
            if (OwnerId != accountId)
            {
                return "Không được ký bằng chứng thư số của người khác.";
            }

            if (capacity != SigningCapacities.None && (Capacities & capacity) == 0)
            {
                return "Chứng thư số này không được dùng để ký với thẩm quyền đã chọn.";
            }

            return null;
        }

        return sealHolders.Any(h => h.AccountId == accountId) ? null : "Bạn không được giao giữ con dấu số của cơ quan.";
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <summary>A clerk allowed to apply the agency's seal certificate.</summary>
public sealed class SealHolder
{
    private SealHolder()
    {
        Name = string.Empty;
    }

    internal SealHolder(Guid certificateId, Guid accountId, string name)
    {
        CertificateId = certificateId;
        AccountId = accountId;
        Name = name;
    }

    public Guid CertificateId { get; private set; }

    public Guid AccountId { get; private set; }

    public string Name { get; private set; }
}
