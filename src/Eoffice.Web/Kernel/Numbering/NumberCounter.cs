using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Eoffice.Web.Kernel.Numbering;

/// <summary>
/// The last number given in one series (<see cref="NumberSeries"/>) of one numbering book in one year. Written only by
/// <see cref="NumberAllocator"/>, inside the transaction that uses the number; read-only everywhere else.
/// </summary>
public sealed class NumberCounter
{
    private NumberCounter()
    {
        Series = null!;
    }

    /// <summary>The numbering book: a document register today, a one-stop desk's receipt book later. Not a foreign key: the kernel knows no owner.</summary>
    public Guid ScopeId { get; private set; }

    /// <summary>The calendar year (Vietnam time) the numbers belong to.</summary>
    public int Year { get; private set; }

    /// <summary>The <see cref="NumberSeries.Key"/>; empty for <see cref="NumberSeries.Main"/>.</summary>
    public string Series { get; private set; }

    public int LastNumber { get; private set; }
}

internal sealed class NumberCounterConfiguration : IEntityTypeConfiguration<NumberCounter>
{
    public void Configure(EntityTypeBuilder<NumberCounter> builder)
    {
        builder.ToTable("kernel_number_counters");
        builder.HasKey(c => new { c.ScopeId, c.Year, c.Series });
        builder.Property(c => c.Series).HasMaxLength(NumberSeries.MaxLength);
    }
}
