using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Eoffice.Web.Kernel.Handling;

/// <summary>
/// The mapping every owner of a handling tree shares: each owner calls these from its own configurations, with its own
/// tables and the name of its owner column (<c>document_id</c>, <c>task_id</c>…), and adds its own indexes (its
/// inboxes). The aggregate's collections are mapped with <see cref="ConfigureTree{TRecord, TAssignment, TEntry, TAccess}"/>.
/// </summary>
public static class HandlingModel
{
    public static void ConfigureTree<TRecord, TAssignment, TEntry, TAccess>(EntityTypeBuilder<TRecord> builder)
        where TRecord : HandledRecord<TAssignment, TEntry, TAccess>
        where TAssignment : Assignment
        where TEntry : TimelineEntry
        where TAccess : AccessEntry
    {
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasMany(r => r.Assignments).WithOne().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Access).WithOne().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Assignments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Access).UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    public static void ConfigureAssignments<TAssignment>(EntityTypeBuilder<TAssignment> builder, string table, string ownerColumn)
        where TAssignment : Assignment
    {
        builder.ToTable(table);
        builder.HasKey(a => a.Id);

        // Ids are made by the aggregate: a new assignment reached through the record's collection is an insert.
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.OwnerId).HasColumnName(ownerColumn);
        builder.Property(a => a.SenderName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(a => a.ActingSenderName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(a => a.RecipientName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(a => a.ActedByName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(a => a.Instruction).HasMaxLength(Assignment.InstructionMaxLength);
        builder.Property(a => a.InstructionGiven).HasMaxLength(Assignment.InstructionMaxLength);
        builder.Property(a => a.Result).HasMaxLength(Assignment.InstructionMaxLength);
        builder.Ignore(a => a.IsWork);
        builder.HasIndex(a => a.OwnerId);
    }

    public static void ConfigureTimeline<TEntry>(EntityTypeBuilder<TEntry> builder, string table, string ownerColumn)
        where TEntry : TimelineEntry
    {
        builder.ToTable(table);
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.OwnerId).HasColumnName(ownerColumn);
        builder.Property(e => e.Kind).HasMaxLength(TimelineEntry.KindMaxLength);
        builder.Property(e => e.ActorName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(e => e.OnBehalfOfName).HasMaxLength(Assignment.NameMaxLength);
        builder.Property(e => e.Text).HasMaxLength(TimelineEntry.TextMaxLength);
        builder.Ignore(e => e.AffectedAssignments);
        builder.Ignore(e => e.AffectedPeople);
        builder.Ignore(e => e.EventName);
        builder.Ignore(e => e.Actor);
        builder.HasIndex(e => e.OwnerId);
    }

    public static void ConfigureAccess<TAccess>(EntityTypeBuilder<TAccess> builder, string table, string ownerColumn)
        where TAccess : AccessEntry
    {
        builder.ToTable(table);
        builder.HasKey(a => new { a.OwnerId, a.PrincipalId, a.Reason });
        builder.Property(a => a.OwnerId).HasColumnName(ownerColumn);
        builder.HasIndex(a => new { a.PrincipalId, a.OwnerId });
    }
}
