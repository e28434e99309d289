using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Conversion;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Notifications;
using Eoffice.Web.Platform.Reporting;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.TextExtraction;
using Eoffice.Web.Platform.Time;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Platform;

/// <summary>The platform's front door: everything modules stand on, registered and mapped in one place.</summary>
public static class PlatformExtensions
{
    public static WebApplicationBuilder AddEofficePlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.Configure<EofficeOptions>(configuration.GetSection(EofficeOptions.Section));
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddPublicRateLimit();
        // Emit Vietnamese letters as they are instead of &#x...; entities (still HTML-encoded where needed).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddSingleton<NfcNormalizationInterceptor>();
        services.AddSingleton(DatabaseConnectionGate.For);
        services.AddSingleton<DatabaseConnectionGateInterceptor>();
        services.AddDbContext<EofficeDbContext>((sp, options) => ConfigureDatabase(sp, options));
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<UnitOfWork>();
        services.AddScoped<AuditChainVerifier>();

        services.AddDataProtection().SetApplicationName("eoffice");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));

        services.AddAuthentication(EofficeAuthenticationSchemes.Default)
            .AddPolicyScheme(EofficeAuthenticationSchemes.Default, "eOffice", options => options.ForwardDefaultSelector = EofficeAuthenticationSchemes.Select)
            .AddCookie(options =>
            {
                options.Cookie.Name = "eoffice.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/dang-nhap";
                options.LogoutPath = "/dang-xuat";
                options.AccessDeniedPath = "/khong-co-quyen";
                // The server session decides — and records — when a session is idle (Identity:IdleTimeout, 15 minutes);
                // the cookie lives for a working day so that it never expires before the server has seen it go idle.
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events = ApiAwareCookieEvents.Instance;
            });
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddAuthorization();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddSingleton<IPermissionProvider, PlatformPermissions>();
        services.AddSingleton<PermissionCatalog>();
        services.AddSingleton<NavigationMenu>();
        services.AddSingleton(new NavigationItem("Nav.Home", "/", Order: 0));
        services.AddSingleton(new NavigationItem("Nav.AuditLog", "/quan-tri/nhat-ky", PlatformPermissions.ViewAuditLog, NavigationSections.Administration, 90));

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "eoffice.af";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.HeaderName = RequestForgeryGuard.HeaderName;
        });

        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var vietnamese = new CultureInfo("vi-VN");
            options.DefaultRequestCulture = new RequestCulture(vietnamese);
            options.SupportedCultures = [vietnamese];
            options.SupportedUICultures = [vietnamese];
        });

        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/");
                options.Conventions.AllowAnonymousToPage("/Account/SignIn");
                options.Conventions.AllowAnonymousToPage("/Error");
                options.Conventions.AllowAnonymousToPage("/StatusCode");
            })
            .AddMvcOptions(options =>
            {
                options.Filters.Add<FormPageFilter>();
                VietnameseBindingMessages.Apply(options.ModelBindingMessageProvider);
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization();
        services.AddSafeTextInput(); // after the pages: it places its binder among theirs

        services.AddProblemDetails(ProblemDetailsSetup.Configure);
        // A query value the binding cannot read (a number too large, a malformed guid or date) throws, and is answered
        // with a 400 ProblemDetails saying which parameter, as in Development, instead of a bare 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddEofficeReverseProxy();
        services.AddExceptionHandler<DatabaseBusyExceptionHandler>();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi("v1", OpenApiSetup.Configure);
        services.AddSignalR();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [HealthTags.Ready]);

        // Platform services, one registration each (keep this list in this order).
        services.AddEofficeCalendar(configuration);
        services.AddEofficeStorage(configuration);
        services.AddEofficeJobs(configuration);
        services.AddEofficeNotifications();
        services.AddEofficeReporting();
        services.AddEofficeConversion(configuration);
        services.AddFileTexts(configuration);

        return builder;
    }

    private static void ConfigureDatabase(IServiceProvider sp, DbContextOptionsBuilder options)
    {
        var configuration = sp.GetRequiredService<IConfiguration>();
        var provider = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider;
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var connectionString = configuration.GetConnectionString("Sqlite");
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    var dataPath = sp.GetRequiredService<IOptions<EofficeOptions>>().Value
                        .ResolveDataPath(sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath);
                    Directory.CreateDirectory(dataPath);
                    connectionString = DatabaseMigrator.SqliteConnectionString(dataPath);
                }

                options.UseSqlite(connectionString);
                break;
            case DatabaseProvider.Postgres:
                // Connections wait in the node's gate, sized to its pool, rather than fail (ADR 0019).
                options.UseNpgsql(DatabaseConnectionGate.PostgresConnectionString(configuration));
                options.AddInterceptors(sp.GetRequiredService<DatabaseConnectionGateInterceptor>());
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{provider}'.");
        }

        // Migrations are written by hand (no design-time tools here); agreement with the model is proven by tests.
        // A query loading two collections must say how (AsSplitQuery, or AsSingleQuery where it is known to be small):
        // a single query multiplies the rows of every collection (a document's transfers × files × events). Throwing
        // makes the first test that runs such a query fail instead of leaving a warning in a log.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)
            .Throw(RelationalEventId.MultipleCollectionIncludeWarning));
        options.AddInterceptors(sp.GetRequiredService<NfcNormalizationInterceptor>(), sp.GetRequiredService<OutboxEventInterceptor>());
    }

    public static WebApplication UseEofficePlatform(this WebApplication app)
    {
        app.UseEofficeReverseProxy();
        app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/StatusCode", "?code={0}");
        app.UseWhen(context => context.Request.IsApiRequest(), api => api.UseStatusCodePages(ProblemDetailsSetup.WriteStatusProblemAsync));
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<RequestForgeryGuard>();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseMiddleware<DateParameterCheck>();

        var openApi = app.MapOpenApi("/openapi/{documentName}.json");
        if (!app.Services.GetRequiredService<IOptions<EofficeOptions>>().Value.ServesOpenApiWithoutSignIn(app.Environment))
        {
            openApi.RequireAuthorization();
        }

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains(HealthTags.Ready), ResponseWriter = HealthReportText.WriteAsync })
            .AllowAnonymous();
        app.MapRazorPages();
        app.MapAuditApi();

        // Platform endpoints, one mapping each (keep this list in this order).
        app.MapEofficeCalendar();
        app.MapEofficeStorage();
        app.MapEofficeJobs();
        app.MapEofficeNotifications();
        app.MapFileTexts();
        return app;
    }

    /// <summary>Applies migrations and runs every registered <see cref="IStartupSeeder"/>, in order.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        foreach (var seeder in scope.ServiceProvider.GetServices<IStartupSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync();
        }
    }
}

/// <summary>Reference or demo data a module needs at start-up. Must be idempotent: a second start changes nothing.</summary>
public interface IStartupSeeder
{
    int Order { get; }

    Task SeedAsync(CancellationToken cancellationToken = default);
}
