using Eoffice.Web.Platform;

namespace Eoffice.ArchitectureTests;

public sealed class MigrationOwnershipTests
{
    /// <summary>
    /// Migrations of eOffice that had to touch another owner's tables, with those tables. A migration id is history
    /// (stored in every database's history table), so such a migration cannot be split afterwards.
    /// </summary>
    private static readonly Dictionary<string, IReadOnlySet<string>> Crossings = new()
    {
        // The first version created minimal accounts together with the platform's tables, before Identity existed.
        ["20261121000100_Platform"] = new HashSet<string> { "identity_users", "identity_user_roles" },
        // The kernel took over the registers' counters: copied into kernel_number_counters, then dropped (SQL text only).
        ["20261121001800_NumberSeries"] = new HashSet<string> { "documents_register_counters" },
    };

    [Fact]
    public void Every_migration_lives_with_the_owner_of_the_tables_it_touches()
    {
        var migrations = MigrationOwnership.Read(typeof(EofficeOptions).Assembly);
        Assert.Contains(migrations, m => m.Namespace == "Eoffice.Web.Modules.Documents.Data.Migrations");
        Assert.Contains(migrations, m => m.Namespace == "Eoffice.Web.Kernel.Data.Migrations" && m.Tables.Contains("kernel_number_counters"));

        var violations = new MigrationOwnershipRules("Eoffice.Web", Crossings).Violations(migrations);

        Assert.True(violations.Count == 0, "Migrations out of place:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Each_migration_rule_reports_its_violation_in_a_deliberately_broken_fixture()
    {
        var migrations = MigrationOwnership.Read(typeof(MigrationOwnershipTests).Assembly)
            .Where(m => m.TypeName.StartsWith("Eoffice.ArchitectureTests.Fixtures.", StringComparison.Ordinal)).ToList();
        var crossings = new Dictionary<string, IReadOnlySet<string>>
        {
            ["20260101000300_PlatformHandover"] = new HashSet<string> { "alpha_old" },
            ["20260101000100_AlphaThings"] = new HashSet<string> { "alpha_things" },
            ["20260101009900_Gone"] = new HashSet<string> { "alpha_gone" },
        };

        var violations = new MigrationOwnershipRules("Eoffice.ArchitectureTests.Fixtures", crossings).Violations(migrations);

        const string Alpha = "Eoffice.ArchitectureTests.Fixtures.Modules.Alpha.Data.Migrations.";
        Assert.Contains($"{Alpha}M0001_AlphaThings (migrations of Alpha) touches beta_secrets, a table of beta", violations);
        Assert.Contains($"{Alpha}AlphaForgotten has no [DbContext] attribute, so EF never applies it", violations);
        Assert.Contains($"{Alpha}AlphaForgotten is not named M0002_Forgotten after its id 20260101000200_Forgotten", violations);
        Assert.Contains(violations, v => v.StartsWith("Eoffice.ArchitectureTests.Fixtures.Modules.Beta.Migrations.M0001_BetaIndex is not in ", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("migration number 0001 is used twice: ", StringComparison.Ordinal));
        Assert.Contains($"{Alpha}M0001_AlphaThings is listed as crossing into alpha_things, which it does not (or which is its own)", violations);
        Assert.Contains("the crossing listed for 20260101009900_Gone names no migration", violations);
        Assert.DoesNotContain(violations, v => v.Contains("M0003_PlatformHandover", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("AlphaForgotten (migrations of Alpha) touches", StringComparison.Ordinal));
    }
}
