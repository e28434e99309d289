using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.IntegrationTests.Platform;
using Eoffice.IntegrationTests.Platform.Storage;
using Eoffice.Web.Modules.Identity.Domain;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.IntegrationTests.Identity;

/// <summary>
/// In production nothing is seeded: the first administrator is created by running the real application with the
/// <c>create-admin</c> command, which prints a temporary password once.
/// </summary>
public sealed partial class CreatingTheFirstAdministratorTests
{
    private static async Task<(int ExitCode, string Output)> RunAsync(string dataPath, params string[] arguments)
    {
        var application = EofficeProcess.FindApplication();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(application)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(application);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Eoffice__DataPath"] = dataPath;
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("create-admin did not finish within 2 minutes.");
        }

        return (process.ExitCode, await output + await errors);
    }

    [Fact]
    public async Task The_command_creates_an_installation_administrator_who_must_change_the_password_and_refuses_a_taken_name()
    {
        var folder = Path.Combine(Path.GetTempPath(), "eoffice-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);

        var (exitCode, output) = await RunAsync(folder, "create-admin", "--name", "Nguyễn Văn Quản");
        var (againExit, againOutput) = await RunAsync(folder, "create-admin", "--name", "Nguyễn Văn Quản", "--user", "nvquan");

        Assert.True(exitCode == 0, output);
        Assert.Contains("nvquan", output);
        var password = TemporaryPassword().Match(output).Groups[1].Value;
        Assert.Empty(PasswordPolicy.Check(password));
        Assert.Equal(1, againExit);
        Assert.Contains("đã có", againOutput);

        await using var app = new FolderApp(folder, demoMode: false) { RemoveData = true };
        await app.InitializeAsync();
        var admins = await app.WithDbAsync(db => db.Set<User>().Include(u => u.RoleAssignments).AsNoTracking().ToListAsync());
        var admin = Assert.Single(admins);
        Assert.Equal(("nvquan", "Nguyễn Văn Quản", (Guid?)null, true, false), (admin.UserName, admin.FullName, admin.AgencyId, admin.MustChangePassword, admin.IsDemo));
        Assert.Equal(["administrator"], admin.RoleAssignments.Select(r => r.RoleCode));

        var client = app.AnonymousClient();
        var signIn = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { userName = "nvquan", password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var held = await client.GetAsync("/api/v1/organization/agencies");
        Assert.Equal(HttpStatusCode.Forbidden, held.StatusCode);
        Assert.Contains("đổi mật khẩu", await held.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"Mật khẩu tạm thời \(chỉ hiện một lần\): (\S+)")]
    private static partial Regex TemporaryPassword();
}
