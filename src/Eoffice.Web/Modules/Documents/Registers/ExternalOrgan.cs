using Eoffice.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Eoffice.Web.Modules.Documents.Registers;

/// <summary>
/// One issuing organ (cơ quan ban hành) in an agency's directory: its name and, when known, its electronic identifier
/// (mã định danh điện tử). The clerk picks from it when registering; an organ typed that is not in it yet is remembered.
/// </summary>
public sealed class ExternalOrgan
{
    public const int NameMaxLength = 200;
    public const int CodeMaxLength = 35;

    private ExternalOrgan()
    {
        Name = null!;
        SearchText = null!;
    }

    public ExternalOrgan(Guid agencyId, string? code, string name)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        Code = code;
        Name = name;
        SearchText = SearchTextOf(name, code);
    }

    public Guid Id { get; private set; }

    /// <summary>Whose directory this entry is.</summary>
    public Guid AgencyId { get; private set; }

    public string? Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>Name and code folded (lower case, no tone marks) for searching.</summary>
    public string SearchText { get; private set; }

    public int UseCount { get; private set; }

    public DateTime? LastUsedAt { get; private set; }

    public void Used(string? code, DateTime now)
    {
        UseCount++;
        LastUsedAt = now;
        if (Code is null && code is not null)
        {
            Code = code;
            SearchText = SearchTextOf(Name, Code);
        }
    }

    public static string SearchTextOf(string name, string? code) =>
        Truncate(VietnameseText.Fold(code is null ? name : $"{name} {code}"), NameMaxLength + CodeMaxLength + 1);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

internal sealed class ExternalOrganConfiguration : IEntityTypeConfiguration<ExternalOrgan>
{
    public void Configure(EntityTypeBuilder<ExternalOrgan> builder)
    {
        builder.ToTable("documents_external_organs");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Code).HasMaxLength(ExternalOrgan.CodeMaxLength);
        builder.Property(o => o.Name).HasMaxLength(ExternalOrgan.NameMaxLength);
        builder.Property(o => o.SearchText).HasMaxLength(ExternalOrgan.NameMaxLength + ExternalOrgan.CodeMaxLength + 1);
        builder.HasIndex(o => new { o.AgencyId, o.UseCount });
    }
}
