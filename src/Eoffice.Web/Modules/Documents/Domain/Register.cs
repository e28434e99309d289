namespace Eoffice.Web.Modules.Documents.Domain;

public enum RegisterKind
{
    /// <summary>Sổ văn bản đến.</summary>
    Incoming = 0,

    /// <summary>Sổ văn bản đi.</summary>
    Outgoing = 1,
}

/// <summary>
/// Sổ văn bản: a numbered register of an agency or of one of its subordinate units (<see cref="UnitId"/>). Arrival
/// numbers run from 1 each calendar year (Vietnam time) in order of registration, shared by paper and electronic
/// documents; they come from the main series of the register's id in the kernel's
/// <see cref="Kernel.Numbering.NumberAllocator"/>. Only the register's keepers (<see cref="RegisterKeeper"/>, its
/// clerks) register documents in it.
/// </summary>
public sealed class Register
{
    public const int NameMaxLength = 200;
    public const int CodeMaxLength = 20;

    private Register()
    {
        Name = null!;
    }

    public Register(Guid agencyId, Guid? unitId, RegisterKind kind, string name, string? code, DateTime createdAt)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        UnitId = unitId;
        Kind = kind;
        Name = name;
        Code = code;
        IsActive = true;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The subordinate unit that keeps this register; <c>null</c> for the agency's own registers.</summary>
    public Guid? UnitId { get; private set; }

    public RegisterKind Kind { get; private set; }

    public string Name { get; private set; }

    public string? Code { get; private set; }

    public bool IsActive { get; private set; }

    public int SortOrder { get; set; }

    public DateTime CreatedAt { get; private set; }

    public void Rename(string name, string? code)
    {
        Name = name;
        Code = code;
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;
}

/// <summary>A clerk who keeps (registers documents in) a register.</summary>
public sealed class RegisterKeeper
{
    private RegisterKeeper()
    {
    }

    public RegisterKeeper(Guid registerId, Guid userId)
    {
        RegisterId = registerId;
        UserId = userId;
    }

    public Guid RegisterId { get; private set; }

    public Guid UserId { get; private set; }
}
