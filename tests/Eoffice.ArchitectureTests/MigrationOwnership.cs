using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Eoffice.ArchitectureTests;

/// <summary>
/// Which tables a hand-written migration touches, read from the operations its <c>Up</c> builds for each provider:
/// tables created, dropped, renamed or altered (columns, keys, indexes, data), and tables named in raw SQL. A foreign
/// key's principal table is referred to, not touched.
/// </summary>
public static partial class MigrationOwnership
{
    private static readonly string[] Providers = ["Microsoft.EntityFrameworkCore.Sqlite", "Npgsql.EntityFrameworkCore.PostgreSQL"];

    /// <summary>One migration as the rules see it.</summary>
    public sealed record MigrationFacts(string TypeName, string Namespace, string? Id, bool HasDbContext, IReadOnlySet<string> Tables);

    public static IReadOnlyList<MigrationFacts> Read(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) && !t.IsAbstract)
            .Select(t => new MigrationFacts(
                t.FullName!,
                t.Namespace ?? "",
                t.GetCustomAttribute<MigrationAttribute>()?.Id,
                t.GetCustomAttribute<Microsoft.EntityFrameworkCore.Infrastructure.DbContextAttribute>() is not null,
                TablesOf(t)))
            .OrderBy(m => m.Id, StringComparer.Ordinal)
            .ToList();

    private static HashSet<string> TablesOf(Type migrationType)
    {
        var structured = new HashSet<string>(StringComparer.Ordinal);
        var sql = new List<string>();
        foreach (var provider in Providers)
        {
            var migration = (Migration)Activator.CreateInstance(migrationType)!;
            migration.ActiveProvider = provider;
            foreach (var operation in migration.UpOperations)
            {
                switch (operation)
                {
                    case SqlOperation s:
                        sql.Add(s.Sql);
                        break;
                    case RenameTableOperation r:
                        structured.Add(r.Name);
                        structured.Add(r.NewName ?? r.Name);
                        break;
                    case DropIndexOperation { Table: { } table }:
                        structured.Add(table);
                        break;
                    case RenameIndexOperation { Table: { } table }:
                        structured.Add(table);
                        break;
                    case ITableMigrationOperation t:
                        structured.Add(t.Table);
                        break;
                    default:
                        throw new InvalidOperationException($"{migrationType.Name}: no table known for {operation.GetType().Name}; teach {nameof(MigrationOwnership)} about it.");
                }
            }
        }

        // Tables in raw SQL: words that start with a table prefix seen in any structured operation of this migration,
        // or with one of the owners' prefixes.
        var prefixes = structured.Select(PrefixOf).Concat(["platform", "kernel"]).Concat(ModulePrefixes(migrationType.Assembly)).ToHashSet(StringComparer.Ordinal);
        foreach (Match match in sql.SelectMany(s => TableName().Matches(s)))
        {
            if (prefixes.Contains(PrefixOf(match.Value)))
            {
                structured.Add(match.Value);
            }
        }

        return structured;
    }

    public static string PrefixOf(string table) => table.Split('_')[0];

    private static IEnumerable<string> ModulePrefixes(Assembly assembly) =>
        assembly.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Select(n => Regex.Match(n, @"\.Modules\.([A-Za-z]+)")).Where(m => m.Success)
            .Select(m => m.Groups[1].Value.ToLowerInvariant()).Distinct();

    [GeneratedRegex(@"\b[a-z][a-z0-9]*_[a-z0-9_]+\b")]
    private static partial Regex TableName();
}

/// <summary>
/// Each owner's migrations live with it (ADR 0002): a migration is in <c>&lt;Owner&gt;.Data.Migrations</c> —
/// <c>Platform</c>, <c>Kernel</c> or <c>Modules.&lt;Area&gt;</c> — and touches only its owner's tables, whose names
/// start with the owner's prefix (<c>platform_</c>, <c>kernel_</c>, <c>documents_</c>…). A migration that had to cross
/// owners is named in <paramref name="crossings"/> with the other owners' tables it touches; an entry that no longer
/// matches what the migration does is a violation too, so the list cannot go stale. Every migration carries its
/// <c>[DbContext]</c> (EF skips one without it) and an id <c>yyyyMMddHHmmss_Name</c> whose hour and minute digits are its
/// global number, the class being <c>M&lt;number&gt;_Name</c>: numbers run across all owners and are never reused.
/// </summary>
public sealed class MigrationOwnershipRules(string root, IReadOnlyDictionary<string, IReadOnlySet<string>> crossings)
{
    public IReadOnlyList<string> Violations(IReadOnlyList<MigrationOwnership.MigrationFacts> migrations)
    {
        var violations = new List<string>();
        foreach (var m in migrations)
        {
            if (!m.HasDbContext)
            {
                violations.Add($"{m.TypeName} has no [DbContext] attribute, so EF never applies it");
            }

            if (m.Id is null || !Regex.IsMatch(m.Id, @"^\d{14}_[A-Za-z0-9]+$"))
            {
                violations.Add($"{m.TypeName} has no migration id of the form yyyyMMddHHmmss_Name");
            }
            else if (m.TypeName[(m.TypeName.LastIndexOf('.') + 1)..] != $"M{m.Id[8..12]}_{m.Id[15..]}")
            {
                violations.Add($"{m.TypeName} is not named M{m.Id[8..12]}_{m.Id[15..]} after its id {m.Id}");
            }

            var owner = OwnerOf(m.Namespace);
            if (owner is null)
            {
                violations.Add($"{m.TypeName} is not in {root}.Platform.Data.Migrations, {root}.Kernel.Data.Migrations or {root}.Modules.<Area>.Data.Migrations");
                continue;
            }

            var allowed = m.Id is not null && crossings.TryGetValue(m.Id, out var listed) ? listed : new HashSet<string>();
            foreach (var table in m.Tables.Order(StringComparer.Ordinal))
            {
                if (MigrationOwnership.PrefixOf(table) != owner.ToLowerInvariant() && !allowed.Contains(table))
                {
                    violations.Add($"{m.TypeName} (migrations of {owner}) touches {table}, a table of {MigrationOwnership.PrefixOf(table)}");
                }
            }

            foreach (var table in allowed.Where(t => !m.Tables.Contains(t) || MigrationOwnership.PrefixOf(t) == owner.ToLowerInvariant()))
            {
                violations.Add($"{m.TypeName} is listed as crossing into {table}, which it does not (or which is its own)");
            }
        }

        foreach (var id in crossings.Keys.Where(id => migrations.All(m => m.Id != id)))
        {
            violations.Add($"the crossing listed for {id} names no migration");
        }

        foreach (var clash in migrations.Where(m => m.Id is { Length: >= 12 }).GroupBy(m => m.Id![8..12]).Where(g => g.Count() > 1))
        {
            violations.Add($"migration number {clash.Key} is used twice: {string.Join(", ", clash.Select(m => m.TypeName))}");
        }

        return violations;
    }

    private string? OwnerOf(string ns)
    {
        if (ns == $"{root}.Platform.Data.Migrations")
        {
            return "Platform";
        }

        if (ns == $"{root}.Kernel.Data.Migrations")
        {
            return "Kernel";
        }

        var match = Regex.Match(ns, $@"^{Regex.Escape(root)}\.Modules\.([A-Za-z]+)\.Data\.Migrations$");
        return match.Success ? match.Groups[1].Value : null;
    }
}
