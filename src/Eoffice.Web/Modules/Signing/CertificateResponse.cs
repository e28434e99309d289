using Eoffice.Web.Modules.Signing.Domain;

namespace Eoffice.Web.Modules.Signing;

/// <summary>A registered certificate as the administration shows it (never the key).</summary>
public sealed record CertificateResponse(
    Guid Id,
    string Use,
    string Location,
    string Subject,
    string SubjectName,
    string Issuer,
    string SerialNumber,
    string Thumbprint,
    DateTime NotBefore,
    DateTime NotAfter,
    Guid? OwnerId,
    string? OwnerName,
    IReadOnlyList<string> Capacities,
    IReadOnlyList<SealHolderResponse> SealHolders,
    string? Pkcs11Library,
    string? Pkcs11TokenLabel,
    string? Pkcs11KeyLabel,
    string? RemoteUserId,
    bool IsActive,
    string AddedByName,
    DateTime AddedAt)
{
    public static CertificateResponse From(SigningCertificate c) => new(
        c.Id, Codes.Of(c.Use), Codes.Of(c.Location), c.Subject, c.SubjectName, c.Issuer, c.SerialNumber, c.Thumbprint,
        c.NotBefore, c.NotAfter, c.OwnerId, c.OwnerName, Codes.Of(c.Capacities),
        [.. c.SealHolders.OrderBy(h => h.Name).Select(h => new SealHolderResponse(h.AccountId, h.Name))],
        c.Pkcs11Library, c.Pkcs11TokenLabel, c.Pkcs11KeyLabel, c.RemoteUserId, c.IsActive, c.AddedByName, c.AddedAt);
}

public sealed record SealHolderResponse(Guid AccountId, string Name);

/// <summary>The API's codes for the signing enums, and their Vietnamese names.</summary>
public static class Codes
{
    public static readonly IReadOnlyDictionary<string, CertificateUse> Uses = new Dictionary<string, CertificateUse>
    {
        ["personal"] = CertificateUse.Personal,
        ["agency-seal"] = CertificateUse.AgencySeal,
    };

    public static readonly IReadOnlyDictionary<string, KeyLocation> Locations = new Dictionary<string, KeyLocation>
    {
        ["server-file"] = KeyLocation.ServerFile,
        ["pkcs11"] = KeyLocation.Pkcs11Token,
        ["remote"] = KeyLocation.RemoteService,
        ["agent"] = KeyLocation.LocalAgent,
    };

    public static readonly IReadOnlyDictionary<string, SigningCapacities> CapacityCodes = new Dictionary<string, SigningCapacities>
    {
        ["own"] = SigningCapacities.OwnRight,
        ["kt"] = SigningCapacities.Deputy,
        ["tl"] = SigningCapacities.ByOrder,
        ["tuq"] = SigningCapacities.ByAuthorisation,
    };

    public static string Of(CertificateUse use) => Uses.First(p => p.Value == use).Key;

    public static string Of(KeyLocation location) => Locations.First(p => p.Value == location).Key;

    public static IReadOnlyList<string> Of(SigningCapacities capacities) =>
        [.. CapacityCodes.Where(p => (capacities & p.Value) != 0).Select(p => p.Key)];

    public static string NameOf(CertificateUse use) => use == CertificateUse.Personal ? "Cá nhân" : "Cơ quan (con dấu số)";

    public static string NameOf(KeyLocation location) => location switch
    {
        KeyLocation.ServerFile => "Tệp khóa trên máy chủ",
        KeyLocation.Pkcs11Token => "Thiết bị ký số (PKCS#11)",
        KeyLocation.RemoteService => "Ký số từ xa",
        _ => "USB token trên máy người ký",
    };
}
