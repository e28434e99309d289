using Eoffice.Web.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;

namespace Eoffice.BrowserTests;

/// <summary>
/// Browser tests run only when EOFFICE_TEST_CHROMIUM names a Chromium binary (CI sets /usr/bin/chromium); otherwise
/// they are reported as skipped with this reason. When the variable is set, none is skipped.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserFixture.ChromiumPath is null)
        {
            Skip = "Browser suite: set EOFFICE_TEST_CHROMIUM to the path of a Chromium binary to run it.";
        }
    }
}

/// <summary>
/// A browser test that also needs LibreOffice for the layout PDF: the path of <c>soffice</c> in EOFFICE_TEST_SOFFICE,
/// which the fixture gives the application. Reported as skipped, with the reason, when either variable is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserSofficeFactAttribute : FactAttribute
{
    public BrowserSofficeFactAttribute()
    {
        if (BrowserFixture.ChromiumPath is null)
        {
            Skip = "Browser suite: set EOFFICE_TEST_CHROMIUM to the path of a Chromium binary to run it.";
        }
        else if (BrowserFixture.SofficePath is null)
        {
            Skip = "LibreOffice browser test: set EOFFICE_TEST_SOFFICE to the path of soffice to run it.";
        }
    }
}

/// <summary>eOffice on a real Kestrel port over a fresh SQLite data folder, and one headless Chromium.</summary>
public sealed class BrowserFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "eoffice-browser", Guid.NewGuid().ToString("N"));
    private IPlaywright? playwright;

    public static string? ChromiumPath =>
        Environment.GetEnvironmentVariable("EOFFICE_TEST_CHROMIUM") is { Length: > 0 } path ? path : null;

    public static string? SofficePath =>
        Environment.GetEnvironmentVariable("EOFFICE_TEST_SOFFICE") is { Length: > 0 } path ? path : null;

    /// <summary>Where screenshots go; CI keeps the TestResults folder as the run's artifacts.</summary>
    public static string ArtifactsPath { get; } =
        Path.Combine(Environment.GetEnvironmentVariable("EOFFICE_TEST_ARTIFACTS") is { Length: > 0 } a ? a : Path.Combine(AppContext.BaseDirectory, "TestResults"), "screenshots");

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The signing agent "on the user's machine" the pages are configured to call (Signing:LocalAgentUrl).</summary>
    public TestSigningAgent Agent { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Eoffice:DataPath"] = dataPath,
            ["Eoffice:DemoMode"] = "true",
            ["Eoffice:DemoSampleDocuments"] = "false",
            ["Database:Provider"] = nameof(DatabaseProvider.Sqlite),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (SofficePath is { } soffice)
        {
            settings["Eoffice:LibreOfficePath"] = soffice;
        }

        if (Agent is not null)
        {
            settings["Signing:LocalAgentUrl"] = Agent.Url;
        }

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
    }

    public async Task InitializeAsync()
    {
        if (ChromiumPath is null)
        {
            return;
        }

        Agent = await TestSigningAgent.StartAsync("Trần Thị Bích Hạnh");
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        Agent.AllowedOrigin = BaseUrl;
        Directory.CreateDirectory(ArtifactsPath);

        // CI runs this suite beside the integration suites on two cores: the first request to a page (JIT, first EF
        // query compilation) can take longer than Playwright's 5-second default for web-first assertions.
        Assertions.SetDefaultExpectTimeout(30_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public new async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
        if (Agent is not null)
        {
            await Agent.DisposeAsync();
        }

        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    /// <summary>A new browser context (own cookies) with a page that records console errors, e.g. CSP violations.</summary>
    public async Task<(IPage Page, List<string> ConsoleErrors)> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.Response += (_, response) =>
        {
            // Name the broken resource (script, style, image) that the console only reports as "404".
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                errors.Add($"{response.Status} {response.Request.ResourceType} {response.Url}");
            }
        };
        return (page, errors);
    }
}
