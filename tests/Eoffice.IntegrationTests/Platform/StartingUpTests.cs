using System.Text;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Platform;

/// <summary>An app on a data folder chosen by the test, optionally outside demo mode.</summary>
internal sealed class FolderApp(string dataPath, bool demoMode) : EofficeApp(dataPath)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public bool RemoveData { init => KeepDataOnDispose = !value; }

    protected override IDictionary<string, string?> DatabaseSettings() => new Dictionary<string, string?>();

    protected override IDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["Eoffice:DemoMode"] = demoMode ? "true" : "false" };
}

public sealed class StartingUpTests
{
    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "eoffice-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_first_start_creates_the_data_folder_and_a_second_start_reuses_it_unchanged()
    {
        var folder = NewFolder();
        (Guid Id, string Hash, int Keys, int Migrations) first;
        await using (var app = new FolderApp(folder, demoMode: true) { RemoveData = false })
        {
            await app.InitializeAsync();
            await (await app.SignedInClientAsync()).GetStringAsync("/"); // creates the data-protection key
            first = await app.WithDbAsync(async db => (
                (await db.Set<User>().SingleAsync(u => u.UserName == "quantri")).Id,
                (await db.Set<User>().SingleAsync(u => u.UserName == "quantri")).PasswordHash,
                await db.Set<DataProtectionKey>().CountAsync(),
                (await db.Database.GetAppliedMigrationsAsync()).Count()));
        }

        Assert.True(File.Exists(Path.Combine(folder, "eoffice.db")));
        await using (var again = new FolderApp(folder, demoMode: true) { RemoveData = true })
        {
            await again.InitializeAsync();
            var second = await again.WithDbAsync(async db => (
                (await db.Set<User>().SingleAsync(u => u.UserName == "quantri")).Id,
                (await db.Set<User>().SingleAsync(u => u.UserName == "quantri")).PasswordHash,
                await db.Set<DataProtectionKey>().CountAsync(),
                (await db.Database.GetAppliedMigrationsAsync()).Count()));
            Assert.Equal(first, second);
            Assert.True(first.Keys >= 1);
            var journal = await again.WithDbAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync());
            Assert.Equal("wal", Assert.Single(journal));
        }
    }

    [Fact]
    public async Task Outside_demo_mode_no_account_is_created()
    {
        await using var app = new FolderApp(NewFolder(), demoMode: false) { RemoveData = true };
        await app.InitializeAsync();

        Assert.Equal(0, await app.WithDbAsync(db => db.Set<User>().CountAsync()));
        Assert.DoesNotContain("Chế độ trình diễn", await app.AnonymousClient().GetStringAsync("/dang-nhap"));
    }

    [Fact]
    public async Task Text_typed_in_decomposed_unicode_is_stored_composed()
    {
        await using var app = new FolderApp(NewFolder(), demoMode: true) { RemoveData = true };
        await app.InitializeAsync();
        var decomposed = "Nguyễn Thị Hường".Normalize(NormalizationForm.FormD);

        await app.WithDbAsync(async db =>
        {
            db.Add(new User("nthuong", decomposed, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });

        var stored = await app.WithDbAsync(db => db.Set<User>().Where(u => u.UserName == "nthuong").Select(u => u.FullName).SingleAsync());
        Assert.Equal("Nguyễn Thị Hường", stored);
        Assert.True(stored.IsNormalized(NormalizationForm.FormC));
    }
}
