using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Rules;

namespace Eoffice.Web.Modules.Organization.Domain;

/// <summary>
/// A node of an agency's organisation tree (phòng, ban, văn phòng, đơn vị trực thuộc). A unit is never deleted:
/// it is deactivated, so the documents and history that name it stay readable.
/// </summary>
public sealed class Unit
{
    private Unit()
    {
        Name = string.Empty;
    }

    public Unit(Guid agencyId, Guid? parentId, string name, string? code, UnitKind kind, int sortOrder, DateTime createdAt)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        ParentId = parentId;
        Kind = kind;
        SortOrder = sortOrder;
        CreatedAt = createdAt;
        IsActive = true;
        Name = string.Empty;
        Rename(name, code);
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The unit above; <c>null</c> for a unit directly under the agency.</summary>
    public Guid? ParentId { get; private set; }

    public string Name { get; private set; }

    /// <summary>Short code used in document symbols of the unit ("VP" in "12/SGTVT-VP").</summary>
    public string? Code { get; private set; }

    public UnitKind Kind { get; set; }

    /// <summary>A subordinate unit that has its own leader and clerk (and later its own registers).</summary>
    public bool HasOwnClerk { get; set; }

    public int SortOrder { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public bool IsActive { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public void Rename(string name, string? code)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw RuleException.Invalid("Vui lòng nhập tên đơn vị.", nameof(Name));
        }

        if (code is not null && code.Any(c => c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9') or 'Đ')))
        {
            throw RuleException.Invalid("Mã đơn vị chỉ gồm chữ in hoa và chữ số, ví dụ VP, KHTC.", nameof(Code));
        }

        Name = name.Trim();
        Code = string.IsNullOrWhiteSpace(code) ? null : code;
    }

    /// <summary>
    /// Moves the unit under <paramref name="newParent"/> (or to the top of the agency). <paramref name="ancestorsOfNewParent"/>
    /// are the ids above the new parent; moving a unit under itself or its own descendant is refused.
    /// </summary>
    public void MoveUnder(Unit? newParent, IReadOnlyCollection<Guid> ancestorsOfNewParent)
    {
        if (newParent is not null)
        {
            if (newParent.AgencyId != AgencyId)
            {
                throw RuleException.Invalid("Không thể chuyển đơn vị sang cơ quan khác.", nameof(ParentId));
            }

            if (newParent.Id == Id || ancestorsOfNewParent.Contains(Id))
            {
                throw RuleException.Invalid("Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.", nameof(ParentId));
            }

            if (!newParent.IsActive)
            {
                throw RuleException.Invalid("Đơn vị cấp trên đã ngừng hoạt động.", nameof(ParentId));
            }
        }

        ParentId = newParent?.Id;
    }

    /// <summary>Deactivates the unit; refused while it still has active units below it.</summary>
    public void Deactivate(bool hasActiveChildren)
    {
        if (hasActiveChildren)
        {
            throw RuleException.Conflict("Đơn vị còn đơn vị cấp dưới đang hoạt động; hãy chuyển hoặc ngừng hoạt động các đơn vị đó trước.", nameof(IsActive));
        }

        IsActive = false;
    }

    public void Reactivate() => IsActive = true;
}
