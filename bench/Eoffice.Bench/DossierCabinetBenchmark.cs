using System.Diagnostics;
using Eoffice.Web.Kernel;
using Eoffice.Web.Modules.Cabinet;
using Eoffice.Web.Modules.Cabinet.Domain;
using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Dossiers;
using Eoffice.Web.Modules.Dossiers.Contracts;
using Eoffice.Web.Modules.Dossiers.Work;
using Eoffice.Web.Modules.Exchange;
using Eoffice.Web.Modules.Identity;
using Eoffice.Web.Modules.Identity.Domain;
using Eoffice.Web.Modules.Organization;
using Eoffice.Web.Modules.Search;
using Eoffice.Web.Modules.Signing;
using Eoffice.Web.Platform;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.Bench;

/// <summary>
/// Issue 14 point 7: the app itself (every module registered as in Program.cs, the demo agency seeded) over a benchmark
/// database, with a dossier of N incoming documents and a cabinet folder of F files written straight into the tables;
/// then the handlers the pages call — <see cref="GetDossier"/> (/ho-so/{id}) and <see cref="GetCabinetFolder"/>
/// (/tu-tai-lieu?folder=…, first page of 50 sorted) — timed as a specialist, the unit's head and an agency leader, each
/// run in its own scope with the person signed in, so the access filters (the dossier's, the documents' own, the
/// cabinet's) are the real ones.
/// </summary>
internal static class DossierCabinetBenchmark
{
    private const string Specialist = "ntlan";
    private const string UnitHead = "vdthang";
    private const string Leader = "nvan";

    private static readonly string[] Topics =
        ["sửa chữa cầu", "bảo trì quốc lộ", "kế hoạch vốn đầu tư công", "an toàn giao thông dịp lễ", "cấp giấy phép vận tải", "phòng chống thiên tai", "quyết toán dự án", "kiểm tra tải trọng xe"];

    public static async Task RunAsync(BenchSettings settings, int files)
    {
        await using var bench = await BenchDatabase.OpenAsync(settings);
        Directory.CreateDirectory(bench.Folder);
        var app = Host(bench);
        await app.PrepareDatabaseAsync();
        var people = new Dictionary<string, (Guid Id, Guid? Unit, Guid Agency)>();
        foreach (var name in new[] { Specialist, UnitHead, Leader })
        {
            people[name] = await InScopeAsync(app, null, async services =>
            {
                var user = await services.GetRequiredService<EofficeDbContext>().Set<User>().AsNoTracking().SingleAsync(u => u.UserName == name);
                var unit = (await services.GetRequiredService<Eoffice.Web.Modules.Identity.Contracts.IPeopleDirectory>().FindPersonAsync(user.Id))?.UnitId;
                return (user.Id, unit, user.AgencyId!.Value);
            });
        }

        var (specialistId, unitId, agencyId) = people[Specialist];
        Console.WriteLine($"dossier/cabinet benchmark on {bench.Provider}: a dossier of {settings.Documents:N0} incoming documents, a folder of {files:N0} files");

        // The dossier, opened by the specialist through the real handler; then its documents and their access rows.
        var dossierId = await InScopeAsync(app, Specialist, async services => (await services.GetRequiredService<OpenDossier>().HandleAsync(new OpenDossier.Request
        {
            Title = "Hồ sơ đo hiệu năng: công văn về giao thông năm 2026", Notation = "01.BENCH", RetentionYears = 10, StartDate = new DateOnly(2026, 1, 5),
        }, CancellationToken.None)).Id);
        var folderId = await InScopeAsync(app, Specialist, async services =>
        {
            await services.GetRequiredService<GetCabinetTree>().HandleAsync(CancellationToken.None);
            var key = $"unit:{unitId}";
            return await services.GetRequiredService<EofficeDbContext>().Set<CabinetFolder>().Where(f => f.RootKey == key).Select(f => f.Id).SingleAsync();
        });

        var watch = Stopwatch.StartNew();
        await GenerateAsync(bench, app, agencyId, people, dossierId, folderId, settings.Documents, files);
        Console.WriteLine($"generated in {watch.Elapsed.TotalSeconds:F0} s");
        await bench.AnalyzeAsync();

        var timer = new BenchTimer(bench.Provider, settings.Runs);
        foreach (var (who, name) in new[] { ("specialist", Specialist), ("unit head", UnitHead), ("agency leader", Leader) })
        {
            await timer.TimeAsync($"{who}: dossier of {settings.Documents:N0} opens (GetDossier)", () => InScopeAsync(app, name, async services =>
                (await services.GetRequiredService<GetDossier>().HandleAsync(dossierId, CancellationToken.None)).Items.Count));
        }

        foreach (var (who, name) in new[] { ("specialist", Specialist), ("unit head", UnitHead) })
        {
            foreach (var (sort, desc) in new[] { ("name", false), ("updated", true) })
            {
                await timer.TimeAsync($"{who}: folder of {files:N0} files, page 1 by {sort}{(desc ? " desc" : "")} (GetCabinetFolder)", () => InScopeAsync(app, name,
                    async services => (await services.GetRequiredService<GetCabinetFolder>().HandleAsync(folderId, sort, desc, 1, 50, CancellationToken.None)).Files.Count));
            }
        }
    }

    private static WebApplication Host(BenchDatabase bench)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Benchmark" }); // not Production: the demo agency is seeded
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Eoffice:DataPath"] = bench.Folder,
            ["Eoffice:DemoMode"] = "true",
            ["Eoffice:DemoSampleDocuments"] = "false",
            ["Eoffice:DemoCertificates"] = "false",
            ["Database:Provider"] = bench.IsPostgres ? "Postgres" : "Sqlite",
            ["ConnectionStrings:Postgres"] = bench.IsPostgres ? bench.ConnectionString : null,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddEofficePlatform();
        builder.Services.AddEofficeKernel();
        builder.Services.AddOrganizationModule();
        builder.Services.AddIdentityModule();
        builder.Services.AddDocumentsModule();
        builder.Services.AddSigningModule();
        builder.Services.AddSearchModule();
        builder.Services.AddExchangeModule();
        builder.Services.AddDossiersModule();
        builder.Services.AddCabinetModule();
        return builder.Build();
    }

    /// <summary>Runs <paramref name="action"/> as a request would: a fresh scope, <paramref name="userName"/> signed in (their roles' permissions as claims).</summary>
    private static async Task<T> InScopeAsync<T>(WebApplication app, string? userName, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var accessor = services.GetRequiredService<IHttpContextAccessor>();
        var context = new DefaultHttpContext { RequestServices = services };
        if (userName is not null)
        {
            var user = await services.GetRequiredService<EofficeDbContext>().Set<User>().Include(u => u.RoleAssignments).AsNoTracking()
                .SingleAsync(u => u.UserName == userName);
            context.User = services.GetRequiredService<Sessions>().CreatePrincipal(user, Guid.NewGuid());
        }

        accessor.HttpContext = context;
        try
        {
            return await action(services);
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    /// <summary>
    /// The dossier's documents: incoming documents of the agency's register, 90 % shared with the specialist and half with
    /// the unit head (the leader sees all agency-wide), filed in time order; the folder's files, a few of them with their own
    /// access (seen only by their author).
    /// </summary>
    private static async Task GenerateAsync(BenchDatabase bench, WebApplication app, Guid agencyId, Dictionary<string, (Guid Id, Guid? Unit, Guid Agency)> people,
        Guid dossierId, Guid folderId, int documents, int files)
    {
        var registerId = await InScopeAsync(app, null, services => services.GetRequiredService<EofficeDbContext>().Database
            .SqlQueryRaw<Guid>("SELECT id AS \"Value\" FROM documents_registers WHERE kind = 0 ORDER BY sort_order").FirstAsync());
        var specialist = people[Specialist].Id;
        var head = people[UnitHead].Id;
        var random = new Random(14);
        var start = new DateTime(2026, 1, 5, 1, 0, 0, DateTimeKind.Utc);
        await using (var load = await bench.BeginLoadAsync("documents_incoming", "documents_incoming_access", "dossiers_dossier_items", "cabinet_files", "cabinet_file_versions"))
        {
            var incoming = load.Table("documents_incoming", IncomingBenchmark.DocumentColumns);
            var access = load.Table("documents_incoming_access", IncomingBenchmark.AccessColumns);
            var items = load.Table("dossiers_dossier_items",
                ["id", "dossier_id", "kind", "item_id", "title", "code", "date", "ordinal", "filed_at", "filed_by_id", "filed_by_name"]);
            for (var i = 0; i < documents; i++)
            {
                var id = Guid.CreateVersion7();
                var arrival = start.AddMinutes(i * 70);
                var subject = $"V/v {Topics[random.Next(Topics.Length)]} năm 2026 (đợt {i % 97 + 1})";
                var organ = "Sở Giao thông vận tải";
                var number = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                load.Add(incoming, [
                    id, agencyId, registerId, 2026, 500_000 + i, arrival, 0, 2, arrival, specialist, "Văn thư", "CV", "Công văn", number, "SGTVT-KHTC", organ,
                    VietnameseText.Fold(organ), subject, VietnameseText.Fold(subject), "Tiếng Việt", 0, null, null, false, false, false, 1, arrival.AddDays(5),
                ]);
                if (i % 10 != 0)
                {
                    load.Add(access, [id, specialist, 0, agencyId]);
                }

                if (i % 2 == 0)
                {
                    load.Add(access, [id, head, 0, agencyId]);
                }

                load.Add(items, [Guid.CreateVersion7(), dossierId, FiledItemKinds.Incoming, id, subject, $"{number}/SGTVT-KHTC", DateOnly.FromDateTime(arrival),
                    i + 1, arrival.AddDays(1), specialist, "Nguyễn Thị Lan"]);
                if (i % 5_000 == 4_999)
                {
                    await load.FlushAsync();
                }
            }

            var cabinet = load.Table("cabinet_files",
                ["id", "agency_id", "folder_id", "charged_unit_id", "name", "author_id", "author_name", "stored_file_id", "length", "content_type", "version_number",
                    "created_at", "updated_at", "deleted_at", "deleted_by_id", "inherits_access", "version"]);
            var versions = load.Table("cabinet_file_versions",
                ["id", "file_id", "number", "stored_file_id", "length", "content_type", "file_name", "created_by_id", "created_at"]);
            for (var i = 0; i < files; i++)
            {
                var id = Guid.CreateVersion7();
                var author = i % 3 == 0 ? head : specialist;
                var at = start.AddMinutes(i * 13);
                var name = $"{Topics[random.Next(Topics.Length)]} {random.Next(100_000):D5}.pdf";
                var length = 20_000L + random.Next(5_000_000);
                var stored = Guid.CreateVersion7();
                load.Add(cabinet, [id, agencyId, folderId, people[Specialist].Unit, name, author, author == head ? "Vũ Đức Thắng" : "Nguyễn Thị Lan", stored, length,
                    "application/pdf", 1, at, at, null, null, i % 50 != 7, 1]);
                load.Add(versions, [Guid.CreateVersion7(), id, 1, stored, length, "application/pdf", name, author, at]);
                if (i % 5_000 == 4_999)
                {
                    await load.FlushAsync();
                }
            }

            await load.CompleteAsync();
        }
    }
}
