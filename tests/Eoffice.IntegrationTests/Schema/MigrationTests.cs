using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Kernel.Numbering;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Search.Data;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Eoffice.IntegrationTests.Schema;

/// <summary>
/// Migrations are written by hand, so these tests are what keeps them honest: on each provider the schema the
/// migrations build must equal the schema EF derives from the model, and every upgrade must keep existing data.
/// </summary>
public abstract class MigrationTests(DatabaseProvider provider)
{
    [DbFact]
    public async Task The_migrated_schema_equals_the_schema_of_the_ef_model_for_every_entity()
    {
        var (fromModel, cleanupModel) = await TestDatabases.CreateBareAsync(provider);
        var (fromMigrations, cleanupMigrations) = await TestDatabases.CreateBareAsync(provider);
        try
        {
            await fromModel.Database.EnsureCreatedAsync();
            await ManualIndexes.CreateAsync(fromModel);
            await SearchIndexSchema.CreateAsync(fromModel);
            await fromMigrations.Database.MigrateAsync();

            var expected = await SchemaSnapshot.ReadAsync(fromModel);
            var actual = await SchemaSnapshot.ReadAsync(fromMigrations);

            Assert.NotEmpty(expected.Tables);
            var entityTables = fromModel.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();
            Assert.All(entityTables, table => Assert.True(actual.Tables.ContainsKey(table), $"The migrations do not create table {table}."));
            var differences = actual.DifferencesFrom(expected, "migrations", "model");
            Assert.True(differences.Count == 0, "Schema differs:\n" + string.Join("\n", differences));
        }
        finally
        {
            await cleanupModel();
            await cleanupMigrations();
        }
    }

    /// <summary>The migration that moved the register counters to the kernel's number counters.</summary>
    private const string NumberSeriesMigration = "20261121001800_NumberSeries";

    [DbFact]
    public async Task Upgrading_through_every_schema_version_keeps_accounts_roles_status_delegated_rights_register_counters_and_an_intact_audit_chain()
    {
        var (probe, cleanupProbe) = await TestDatabases.CreateBareAsync(provider);
        var migrations = probe.Database.GetMigrations().ToList();
        await cleanupProbe();
        Assert.NotEmpty(migrations);

        // Data is written at the first version and must survive every later migration, applied one by one.
        var (db, cleanup) = await TestDatabases.CreateBareAsync(provider);
        try
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[0]);
            var userId = Guid.CreateVersion7();
            var otherId = Guid.CreateVersion7();
            await InsertVersionOneDataAsync(db, userId, otherId);
            var registerId = Guid.CreateVersion7();

            // Delegations exist from the accounts version on, with their rights as flags until M0020.
            var (handleAndSign, approve) = (Guid.CreateVersion7(), Guid.CreateVersion7());
            foreach (var migration in migrations.Skip(1))
            {
                if (migration == NumberSeriesMigration)
                {
                    await InsertRegisterCountersAsync(db, registerId);
                }

                await migrator.MigrateAsync(migration);
                if (migration.EndsWith("_Accounts", StringComparison.Ordinal))
                {
                    await InsertDelegationAsync(db, handleAndSign, userId, otherId, rights: 1 | 4);
                    await InsertDelegationAsync(db, approve, otherId, userId, rights: 2);
                }
            }

            // Read with today's model: the version-1 account, its role and the audit chain all came through.
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            db.ChangeTracker.Clear();
            var user = await db.Set<User>().Include(u => u.RoleAssignments).AsNoTracking().SingleAsync(u => u.Id == userId);
            Assert.Equal("Nguyễn Văn An", user.FullName);
            Assert.Equal(AccountStatus.Active, user.Status);
            var role = Assert.Single(user.RoleAssignments);
            Assert.Equal(("administrator", (Guid?)null), (role.RoleCode, role.ScopeUnitId));
            Assert.NotEqual(Guid.Empty, role.Id);
            var disabled = await db.Set<User>().AsNoTracking().SingleAsync(u => u.UserName == "ttbinh");
            Assert.Equal(AccountStatus.Disabled, disabled.Status);
            var delegated = await db.Set<Delegation>().Include(d => d.Rights).AsNoTracking()
                .ToDictionaryAsync(d => d.Id, d => d.Rights.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => (r.Code, r.Name)).ToList());
            Assert.Equal([("documents.incoming.handle", "Xử lý văn bản đến (bút phê, phân công)"), ("signing.sign", "Ký văn bản")], delegated[handleAndSign]);
            Assert.Equal([("documents.outgoing.approve", "Duyệt dự thảo văn bản đi")], delegated[approve]);
            var verification = await new AuditChainVerifier(db).VerifyAsync();
            Assert.True(verification.IsIntact, verification.Problem);
            Assert.Equal(3, verification.EntriesChecked);

            // The register's counters became its main series in the kernel, and numbering goes on where it stopped.
            var counters = await db.Set<NumberCounter>().AsNoTracking().Where(c => c.ScopeId == registerId).OrderBy(c => c.Year)
                .Select(c => new { c.Year, c.Series, c.LastNumber }).ToListAsync();
            Assert.Equal([new { Year = 2025, Series = "", LastNumber = 1290 }, new { Year = 2026, Series = "", LastNumber = 41 }], counters);
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.Equal(42, await new NumberAllocator(db).NextAsync(registerId, 2026, NumberSeries.Main, CancellationToken.None));
        }
        finally
        {
            await cleanup();
        }
    }

    [DbFact]
    public async Task Starting_against_a_database_from_a_newer_build_is_refused_without_changing_it()
    {
        var (db, cleanup) = await TestDatabases.CreateBareAsync(provider);
        try
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_FromTheFuture', '10.0.0')");
            var migrator = new DatabaseMigrator(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseMigrator>.Instance);

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync());

            Assert.Contains("29991231000000_FromTheFuture", error.Message);
            Assert.Contains("29991231000000_FromTheFuture", await db.Database.GetAppliedMigrationsAsync());
        }
        finally
        {
            await cleanup();
        }
    }

    /// <summary>A register with the counters of two years, as written before the number series (M0011's columns).</summary>
    private async Task InsertRegisterCountersAsync(EofficeDbContext db, Guid registerId)
    {
        object Id(Guid id) => provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id;
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO documents_registers (id, agency_id, unit_id, kind, name, code, is_active, sort_order, created_at) " +
            "VALUES ({0}, {1}, NULL, 0, {2}, NULL, {3}, 0, {4})",
            Id(registerId), Id(Guid.CreateVersion7()), "Sổ văn bản đến", true, new DateTime(2025, 1, 2, 1, 0, 0, DateTimeKind.Utc));
        foreach (var (year, last) in new[] { (2025, 1290), (2026, 41) })
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO documents_register_counters (register_id, year, last_number) VALUES ({0}, {1}, {2})", Id(registerId), year, last);
        }
    }

    /// <summary>Rows written with the first version's columns only, in each provider's storage format.</summary>
    private async Task InsertVersionOneDataAsync(EofficeDbContext db, Guid userId, Guid otherId)
    {
        var now = new DateTime(2026, 11, 21, 3, 0, 0, DateTimeKind.Utc);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO identity_users (id, user_name, full_name, email, password_hash, security_stamp, is_active, created_at, last_sign_in_at) " +
            "VALUES ({0}, {1}, {2}, NULL, {3}, {4}, {5}, {6}, NULL)",
            Id(userId), "nvan", "Nguyễn Văn An", "hash", "stamp", true, now);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO identity_user_roles (user_id, role_code) VALUES ({0}, {1})", Id(userId), "administrator");
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO identity_users (id, user_name, full_name, email, password_hash, security_stamp, is_active, created_at, last_sign_in_at) " +
            "VALUES ({0}, {1}, {2}, NULL, {3}, {4}, {5}, {6}, NULL)",
            Id(otherId), "ttbinh", "Trần Thị Bình", "hash", "stamp2", false, now);

        var previous = AuditEntry.GenesisHash;
        for (var sequence = 1; sequence <= 3; sequence++)
        {
            var entry = new AuditEntry(sequence, now.AddMinutes(sequence), userId, "nvan", "auth.sign-in", "user", userId.ToString(),
                "127.0.0.1", AuditOutcome.Success, $"lần {sequence}", previous);
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO platform_audit_entries (sequence, occurred_at, actor_id, actor_name, action, object_type, object_id, client_address, outcome, details, previous_hash, hash) " +
                "VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11})",
                entry.Sequence, entry.OccurredAt, Id(userId), entry.ActorName!, entry.Action, entry.ObjectType, entry.ObjectId!,
                entry.ClientAddress!, (int)entry.Outcome, entry.Details!, entry.PreviousHash, entry.Hash);
            previous = entry.Hash;
        }

        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO platform_audit_head (id, sequence, hash) VALUES (1, 3, {0})", previous);
    }

    /// <summary>A delegation as the accounts version stored it: its rights as flags (1 incoming, 2 drafts, 4 signing).</summary>
    private async Task InsertDelegationAsync(EofficeDbContext db, Guid id, Guid delegatorId, Guid delegateId, int rights)
    {
        var createdAt = new DateTime(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO identity_delegations (id, delegator_id, delegate_id, rights, starts_on, ends_on, reason, created_at, created_by, revoked_at, revoked_by) " +
            "VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, NULL, NULL, NULL)",
            Id(id), Id(delegatorId), Id(delegateId), rights, new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 30), "Đi công tác", createdAt);
    }

    private object Id(Guid id) => provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id;
}

public sealed class MigrationTestsOnSqlite() : MigrationTests(DatabaseProvider.Sqlite);

public sealed class MigrationTestsOnPostgres() : MigrationTests(DatabaseProvider.Postgres), IPostgresSuite;
