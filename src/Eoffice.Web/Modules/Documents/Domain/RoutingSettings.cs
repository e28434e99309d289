using Eoffice.Web.Kernel.Handling;

namespace Eoffice.Web.Modules.Documents.Domain;

/// <summary>How the clerk presents a newly registered document.</summary>
public enum PresentationRoute
{
    /// <summary>Straight to an agency leader (regulation 003 Điều 5.1: Văn thư → Giám đốc).</summary>
    ToAgencyLeader = 0,

    /// <summary>First to the chief of office, who screens it and passes it to the leader (regulation 000 Điều 5.2.a).</summary>
    ViaOfficeChief = 1,
}

/// <summary>
/// Per-agency settings of incoming-document handling: data that the administrator edits, not code.
/// </summary>
public sealed class IncomingSettings
{
    public const int DefaultReminderDays = 2;

    private IncomingSettings()
    {
    }

    public IncomingSettings(Guid agencyId)
    {
        AgencyId = agencyId;
        Route = PresentationRoute.ToAgencyLeader;
        ReminderDaysBefore = DefaultReminderDays;
        DefaultDeadlineDays = 10;
    }

    public Guid AgencyId { get; private set; }

    public PresentationRoute Route { get; set; }

    /// <summary>Remind the holder this many working days before the deadline (0: only on the day it passes).</summary>
    public int ReminderDaysBefore { get; set; }

    /// <summary>The deadline offered by default when a leader assigns a lead, in working days.</summary>
    public int DefaultDeadlineDays { get; set; }

    /// <summary>
    /// A unit's leader confirms the result of the person they assigned before the unit's part — and the lines above it
    /// — closes (Xác nhận kết quả); without it, the assignee's "Hoàn thành" closes the chain at once.
    /// </summary>
    public bool UnitHeadsConfirmResults { get; set; }

    public HandlingRules Rules => new(UnitHeadsConfirmResults);
}

/// <summary>Who a sender may send an incoming document to.</summary>
public enum RoutingTarget
{
    /// <summary>People holding the agency-leader role (Giám đốc, Phó Giám đốc).</summary>
    AgencyLeaders = 0,

    /// <summary>Leaders of the agency's office (Chánh, Phó Chánh Văn phòng).</summary>
    OfficeLeaders = 1,

    /// <summary>Any unit of the agency (its leaders receive it).</summary>
    AnyUnit = 2,

    /// <summary>Any active person of the agency.</summary>
    AnyPerson = 3,

    /// <summary>The sender's own unit(s) — those where they hold their role — and the people in them.</summary>
    OwnUnit = 4,
}

/// <summary>
/// One "who may send to whom" rule of an agency: holders of <see cref="SenderRole"/> (optionally only those whose unit
/// is of <see cref="SenderUnitKind"/>) may send to <see cref="Target"/>. Returning to the sender and taking back are
/// always allowed.
/// </summary>
public sealed class RoutingRule
{
    public const int RoleMaxLength = 50;

    private RoutingRule()
    {
        SenderRole = null!;
    }

    public RoutingRule(Guid agencyId, string senderRole, int? senderUnitKind, RoutingTarget target)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        SenderRole = senderRole;
        SenderUnitKind = senderUnitKind;
        Target = target;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>A role code (<c>DefaultRoles</c>).</summary>
    public string SenderRole { get; private set; }

    /// <summary>The <c>UnitKind</c> the sender's unit must have, or <c>null</c> for any.</summary>
    public int? SenderUnitKind { get; private set; }

    public RoutingTarget Target { get; private set; }
}
