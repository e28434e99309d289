using Eoffice.Web.Modules.Identity.Contracts;

namespace Eoffice.Web.Modules.Identity.Domain;

/// <summary>A former password hash, kept so that administrators cannot reuse their last passwords (QCVN 12:2026).</summary>
public sealed class PasswordHistoryEntry(Guid userId, string passwordHash, DateTime createdAt)
{
    public long Id { get; private set; }

    public Guid UserId { get; private set; } = userId;

    public string PasswordHash { get; private set; } = passwordHash;

    public DateTime CreatedAt { get; private set; } = createdAt;
}

/// <summary>A one-time code that replaces the authenticator app once; stored hashed.</summary>
public sealed class RecoveryCode(Guid userId, string codeHash)
{
    public long Id { get; private set; }

    public Guid UserId { get; private set; } = userId;

    public string CodeHash { get; private set; } = codeHash;

    public DateTime? UsedAt { get; private set; }

    public void Use(DateTime at) => UsedAt = at;
}

/// <summary>A token a person creates for their own scripts; only its hash is stored, the token is shown once.</summary>
public sealed class PersonalAccessToken
{
    private PersonalAccessToken()
    {
        Name = Prefix = TokenHash = string.Empty;
    }

    public PersonalAccessToken(Guid userId, string name, string prefix, string tokenHash, DateTime createdAt, DateTime? expiresAt)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        Name = name;
        Prefix = prefix;
        TokenHash = tokenHash;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Name { get; private set; }

    /// <summary>The first characters of the token, shown in lists so the owner can tell tokens apart.</summary>
    public string Prefix { get; private set; }

    public string TokenHash { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ExpiresAt { get; private set; }

    public DateTime? LastUsedAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public bool IsUsable(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    public void MarkUsed(DateTime at) => LastUsedAt = at;

    public void Revoke(DateTime at) => RevokedAt ??= at;
}

/// <summary>
/// Ủy quyền: for the days from <see cref="StartsOn"/> to <see cref="EndsOn"/> (inclusive, Vietnam dates) the delegate
/// sees and acts on the delegator's items within <see cref="Rights"/>. It ends by itself; it can be revoked earlier.
/// </summary>
public sealed class Delegation
{
    private readonly List<DelegationRight> rights = [];

    private Delegation()
    {
    }

    /// <summary>A delegation of <c>rights</c> (by code, each with its name as delegated today) from the first to the last day.</summary>
    public Delegation(Guid delegatorId, Guid delegateId, IEnumerable<(string Code, string Name)> rights, DateOnly startsOn, DateOnly endsOn, string? reason,
        DateTime createdAt, Guid? createdBy)
    {
        if (delegatorId == delegateId)
        {
            throw new InvalidOperationException("A person cannot delegate to themselves.");
        }

        if (endsOn < startsOn)
        {
            throw new InvalidOperationException("A delegation cannot end before it starts.");
        }

        Id = Guid.CreateVersion7();
        foreach (var (code, name) in rights.DistinctBy(r => r.Code))
        {
            this.rights.Add(new DelegationRight(Id, code, name));
        }

        if (this.rights.Count == 0)
        {
            throw new InvalidOperationException("A delegation must hand over at least one right.");
        }

        DelegatorId = delegatorId;
        DelegateId = delegateId;
        StartsOn = startsOn;
        EndsOn = endsOn;
        Reason = reason;
        CreatedAt = createdAt;
        CreatedBy = createdBy;
    }

    public Guid Id { get; private set; }

    public Guid DelegatorId { get; private set; }

    public Guid DelegateId { get; private set; }

    /// <summary>What is delegated; one row per right.</summary>
    public IReadOnlyList<DelegationRight> Rights => rights;

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public string? Reason { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid? CreatedBy { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public Guid? RevokedBy { get; private set; }

    public bool IsActiveOn(DateOnly day) => RevokedAt is null && StartsOn <= day && day <= EndsOn;

    /// <summary>Whether the delegation hands over the right with this code.</summary>
    public bool Covers(string code) => rights.Any(r => r.Code == code);

    public void Revoke(DateTime at, Guid? by)
    {
        RevokedAt ??= at;
        RevokedBy ??= by;
    }
}

/// <summary>
/// One right handed over by a <see cref="Delegation"/>: the code the declaring module checks, and its name as it was
/// when delegated. The name is kept so that the record still reads right if the module renames or no longer declares
/// the right (the signing right of delegations made before M0020 waits for the signing module).
/// </summary>
public sealed class DelegationRight
{
    private DelegationRight()
    {
    }

    public DelegationRight(Guid delegationId, string code, string name)
    {
        DelegationId = delegationId;
        Code = code;
        Name = name;
    }

    public Guid DelegationId { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;
}

/// <summary>Why a person left.</summary>
public enum DepartureReason
{
    Transfer = 0,
    Retirement = 1,
    Other = 2,
}

/// <summary>The record of a departing person's work handed to their successor (bàn giao).</summary>
public sealed class Handover
{
    private readonly List<HandoverItem> items = [];

    private Handover()
    {
    }

    public Handover(Guid fromUserId, Guid toUserId, DepartureReason reason, string? note, DateTime at, Guid? by)
    {
        Id = Guid.CreateVersion7();
        FromUserId = fromUserId;
        ToUserId = toUserId;
        Reason = reason;
        Note = note;
        At = at;
        By = by;
    }

    public Guid Id { get; private set; }

    public Guid FromUserId { get; private set; }

    public Guid ToUserId { get; private set; }

    public DepartureReason Reason { get; private set; }

    public string? Note { get; private set; }

    public DateTime At { get; private set; }

    public Guid? By { get; private set; }

    public IReadOnlyCollection<HandoverItem> Items => items;

    public void Add(string module, string itemType, string itemId, string title) =>
        items.Add(new HandoverItem(Id, module, itemType, itemId, title));
}

/// <summary>One piece of open work (a document to handle, a task…) handed over.</summary>
public sealed class HandoverItem(Guid handoverId, string module, string itemType, string itemId, string title)
{
    public long Id { get; private set; }

    public Guid HandoverId { get; private set; } = handoverId;

    public string Module { get; private set; } = module;

    public string ItemType { get; private set; } = itemType;

    public string ItemId { get; private set; } = itemId;

    public string Title { get; private set; } = title;
}

/// <summary>
/// A change of someone's rights, waiting for the agency's designated approver to confirm it (Decree 30, Phụ lục VI
/// III.3.c). Until confirmed it is shown to the approver as a warning.
/// </summary>
public sealed class RightsChange
{
    private RightsChange()
    {
        Description = string.Empty;
    }

    public RightsChange(Guid? agencyId, Guid subjectUserId, string description, DateTime changedAt, Guid? changedBy)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        SubjectUserId = subjectUserId;
        Description = description;
        ChangedAt = changedAt;
        ChangedBy = changedBy;
    }

    public Guid Id { get; private set; }

    public Guid? AgencyId { get; private set; }

    public Guid SubjectUserId { get; private set; }

    public string Description { get; private set; }

    public DateTime ChangedAt { get; private set; }

    public Guid? ChangedBy { get; private set; }

    public DateTime? ConfirmedAt { get; private set; }

    public Guid? ConfirmedBy { get; private set; }

    public bool IsConfirmed => ConfirmedAt is not null;

    public void Confirm(DateTime at, Guid by)
    {
        if (ConfirmedAt is not null)
        {
            return;
        }

        ConfirmedAt = at;
        ConfirmedBy = by;
    }
}

/// <summary>Links an account to an identity in the agency directory (LDAP distinguished name, OpenID Connect subject).</summary>
public sealed class ExternalLogin
{
    private ExternalLogin()
    {
        Provider = ProviderKey = string.Empty;
    }

    public ExternalLogin(Guid userId, string provider, string providerKey, DateTime createdAt)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        Provider = provider;
        ProviderKey = providerKey;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>"ldap" or "oidc".</summary>
    public string Provider { get; private set; }

    public string ProviderKey { get; private set; }

    public DateTime CreatedAt { get; private set; }
}
