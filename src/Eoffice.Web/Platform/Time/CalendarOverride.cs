using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Eoffice.Web.Platform.Time;

/// <summary>The direction of an administrator's override.</summary>
public enum CalendarOverrideKind
{
    /// <summary>The date is a day off although the rules make it a working day (an extra or swapped day off).</summary>
    DayOff = 1,

    /// <summary>The date is worked although the rules make it a day off (làm bù, typically a Saturday).</summary>
    WorkingDay = 2,
}

/// <summary>
/// An administrator's decision about one date that wins over the statutory rules: how the agency applies the Prime
/// Minister's yearly notice (e.g. 31/12/2012 off, Saturday 05/01/2013 worked) or a local decision. At most one
/// override per date.
/// </summary>
public sealed class CalendarOverride
{
    public const int ReasonMaxLength = 500;

    private CalendarOverride()
    {
        Reason = string.Empty;
    }

    public CalendarOverride(DateOnly date, CalendarOverrideKind kind, string reason, DateTime createdAt, Guid? createdBy)
    {
        Id = Guid.CreateVersion7();
        Date = date;
        Kind = kind;
        Reason = reason;
        CreatedAt = createdAt;
        CreatedBy = createdBy;
    }

    public Guid Id { get; private set; }

    /// <summary>The date concerned, in Vietnam local time.</summary>
    public DateOnly Date { get; private set; }

    public CalendarOverrideKind Kind { get; private set; }

    /// <summary>Shown to users next to the date, e.g. "Nghỉ Tết Nguyên đán theo Thông báo số 6150/TB-LĐTBXH".</summary>
    public string Reason { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>The administrator who created it; null when created by the system.</summary>
    public Guid? CreatedBy { get; private set; }
}

internal sealed class CalendarOverrideConfiguration : IEntityTypeConfiguration<CalendarOverride>
{
    public void Configure(EntityTypeBuilder<CalendarOverride> builder)
    {
        builder.ToTable("platform_calendar_overrides");
        builder.HasKey(o => o.Id);
        builder.HasIndex(o => o.Date).IsUnique();
        builder.Property(o => o.Reason).HasMaxLength(CalendarOverride.ReasonMaxLength);
    }
}
