using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Rules;

namespace Eoffice.Web.Modules.Organization.Domain;

/// <summary>
/// A state agency (cơ quan) that owns registers, a seal and a certificate: a Sở, a Ban, an UBND. Its short name
/// appears in document symbols ("SGTVT" in "15/QĐ-SGTVT"); its electronic identifier addresses it in document exchange.
/// </summary>
public sealed class Agency
{
    private Agency()
    {
        Code = FullName = ShortName = string.Empty;
    }

    public Agency(string code, string fullName, string shortName, DateTime createdAt)
    {
        Id = Guid.CreateVersion7();
        Code = code;
        FullName = fullName;
        ShortName = shortName;
        CreatedAt = createdAt;
        IsActive = true;
        Rename(fullName, shortName);
        ChangeCode(code);
    }

    public Guid Id { get; private set; }

    /// <summary>Electronic identifier (mã định danh), see <see cref="AgencyCode"/>.</summary>
    public string Code { get; private set; }

    public string FullName { get; private set; }

    /// <summary>Abbreviation used in document symbols, e.g. "SGTVT".</summary>
    public string ShortName { get; private set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public bool IsActive { get; private set; }

    /// <summary>The person who must confirm changes of access rights (Decree 30, Phụ lục VI III.3.c).</summary>
    public Guid? RightsApproverId { get; set; }

    public DateTime CreatedAt { get; private set; }

    public void ChangeCode(string code)
    {
        if (!AgencyCode.IsValid(code, out var error))
        {
            throw RuleException.Invalid(error, nameof(Code));
        }

        Code = code;
    }

    public void Rename(string fullName, string shortName)
    {
        if (string.IsNullOrWhiteSpace(fullName))
        {
            throw RuleException.Invalid("Vui lòng nhập tên cơ quan.", nameof(FullName));
        }

        if (string.IsNullOrWhiteSpace(shortName))
        {
            throw RuleException.Invalid("Vui lòng nhập tên viết tắt của cơ quan.", nameof(ShortName));
        }

        FullName = fullName.Trim();
        ShortName = shortName.Trim();
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;
}
