using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Eoffice.IntegrationTests.Infrastructure;

/// <summary>
/// A real OpenLDAP server (Debian's slapd) for one test class: a throw-away slapd.conf with the mdb backend in a temp
/// folder, the suffix dc=eoffice,dc=test loaded with <c>slapd -T add</c> (slapadd), then <c>slapd -d 0</c> in the
/// foreground on 127.0.0.1 and a free port. The process is killed and the folder removed when the class is done.
/// </summary>
public sealed partial class SlapdServer : IAsyncLifetime
{
    public const string Suffix = "dc=eoffice,dc=test";

    public const string PeopleBase = "ou=people," + Suffix;

    public const string ServiceDn = "cn=eoffice-reader," + Suffix;

    public const string ServicePassword = "Doc-thu-muc@2026";

    /// <summary>Debian's places for the schema files and the backend modules.</summary>
    private const string SchemaFolder = "/etc/ldap/schema";

    private const string ModuleFolder = "/usr/lib/ldap";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "eoffice-slapd", Guid.NewGuid().ToString("N"));

    private Process? process;

    private readonly StringBuilder output = new();

    /// <summary>People in the directory: uid, full name (with diacritics), official e-mail, password.</summary>
    public static readonly IReadOnlyList<DirectoryEntry> People =
    [
        new("nvduc", "Nguyễn Văn Đức", "nvduc@congvu.eoffice.test", "Mat-khau@Duc1"),
        new("ttbinh", "Trần Thị Bình", "ttbinh@congvu.eoffice.test", "Mat-khau@Binh2"),
        new("lvcuong", "Lê Văn Cường", "lvcuong@congvu.eoffice.test", "Mat-khau@Cuong3"),
        new("phthao", "Phạm Hồng Thảo", "phthao@congvu.eoffice.test", "Mat-khau@Thao4"),
        new("dtmai", "Đỗ Thị Mai", "dtmai@congvu.eoffice.test", "Mat-khau@Mai5"),
        new("hqkhanh", "Hoàng Quốc Khánh", "hqkhanh@congvu.eoffice.test", "Mat-khau@Khanh6"),
        new("vtlan", "Vũ Thị Lan", "vtlan@congvu.eoffice.test", "Mat-khau@Lan7"),
    ];

    public sealed record DirectoryEntry(string Uid, string FullName, string Mail, string Password)
    {
        public string Dn => $"uid={Uid},{PeopleBase}";
    }

    public static DirectoryEntry Person(string uid) => People.Single(p => p.Uid == uid);

    public static string? ExecutablePath =>
        Environment.GetEnvironmentVariable("EOFFICE_TEST_SLAPD") is { Length: > 0 } value ? value : null;

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        // Without slapd the tests are reported as skipped; the fixture then has nothing to start.
        if (ExecutablePath is not { } slapd)
        {
            return;
        }

        if (!File.Exists(slapd) || !Directory.Exists(SchemaFolder) || !File.Exists(Path.Combine(ModuleFolder, "back_mdb.so")))
        {
            throw new InvalidOperationException(
                $"EOFFICE_TEST_SLAPD is '{slapd}', but slapd, {SchemaFolder} or {ModuleFolder}/back_mdb.so is missing: apt-get install slapd ldap-utils.");
        }

        Directory.CreateDirectory(Path.Combine(folder, "db"));
        var config = Path.Combine(folder, "slapd.conf");
        await File.WriteAllTextAsync(config, Config());
        var data = Path.Combine(folder, "data.ldif");
        await File.WriteAllTextAsync(data, Ldif(), new UTF8Encoding(false));

        var load = await RunAsync(slapd, ["-T", "add", "-f", config, "-l", data]);
        if (load.ExitCode != 0)
        {
            throw new InvalidOperationException($"slapadd failed ({load.ExitCode}): {load.Output}");
        }

        for (var attempt = 0; ; attempt++)
        {
            Port = FreePort();
            // Debug level 256 ("stats"): every operation is logged on standard error, so tests can count binds.
            process = Start(slapd, ["-h", $"ldap://127.0.0.1:{Port}/", "-f", config, "-d", "256"]);
            if (await WaitForPortAsync(TimeSpan.FromSeconds(15)))
            {
                return;
            }

            StopProcess();
            if (attempt == 2)
            {
                throw new InvalidOperationException($"slapd did not start listening on 127.0.0.1:{Port}: {output}");
            }
        }
    }

    /// <summary>
    /// The simple binds the server has logged so far (a bind is logged when it arrives, before it is answered), read once
    /// the log has been quiet for a moment, so that lines of operations already answered are in.
    /// </summary>
    public async Task<int> BindCountAsync()
    {
        var length = -1;
        for (var quiet = 0; quiet < 3;)
        {
            await Task.Delay(100);
            int now;
            lock (output)
            {
                now = output.Length;
            }

            quiet = now == length ? quiet + 1 : 0;
            length = now;
        }

        lock (output)
        {
            return BindLine().Count(output.ToString());
        }
    }

    [GeneratedRegex(@"BIND dn=""[^""]*"" method=128")]
    private static partial Regex BindLine();

    public Task DisposeAsync()
    {
        StopProcess();
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }

        return Task.CompletedTask;
    }

    private string Config() =>
        $"""
        include {SchemaFolder}/core.schema
        include {SchemaFolder}/cosine.schema
        include {SchemaFolder}/inetorgperson.schema
        pidfile {folder}/slapd.pid
        argsfile {folder}/slapd.args
        modulepath {ModuleFolder}
        moduleload back_mdb
        database mdb
        maxsize 10485760
        suffix "{Suffix}"
        rootdn "cn=admin,{Suffix}"
        rootpw "{Ssha("Quan-tri-thu-muc@2026")}"
        directory {folder}/db
        access to attrs=userPassword by anonymous auth by self read by * none
        access to * by * read

        """;

    private static string Ldif()
    {
        var builder = new StringBuilder();
        builder.Append($"dn: {Suffix}\nobjectClass: dcObject\nobjectClass: organization\no: eOffice\ndc: eoffice\n\n");
        builder.Append($"dn: {PeopleBase}\nobjectClass: organizationalUnit\nou: people\n\n");
        builder.Append($"dn: {ServiceDn}\nobjectClass: person\ncn: eoffice-reader\nsn: reader\nuserPassword: {Ssha(ServicePassword)}\n\n");
        foreach (var person in People)
        {
            // Non-ASCII values are base64 in LDIF ("attr:: …").
            builder.Append($"dn: {person.Dn}\nobjectClass: inetOrgPerson\nuid: {person.Uid}\n");
            builder.Append($"cn:: {Convert.ToBase64String(Encoding.UTF8.GetBytes(person.FullName))}\n");
            builder.Append($"sn:: {Convert.ToBase64String(Encoding.UTF8.GetBytes(person.FullName.Split(' ')[0]))}\n");
            builder.Append($"mail: {person.Mail}\nuserPassword: {Ssha(person.Password)}\n\n");
        }

        return builder.ToString();
    }

    /// <summary>The "{SSHA}" form slappasswd writes: base64(SHA-1(password + salt) + salt).</summary>
    private static string Ssha(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(8);
        var hash = SHA1.HashData([.. Encoding.UTF8.GetBytes(password), .. salt]);
        return "{SSHA}" + Convert.ToBase64String([.. hash, .. salt]);
    }

    private Process Start(string file, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var started = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        started.OutputDataReceived += (_, e) => Append(e.Data);
        started.ErrorDataReceived += (_, e) => Append(e.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        return started;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var run = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = run.StandardOutput.ReadToEndAsync();
        var stderr = run.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await run.WaitForExitAsync(timeout.Token);
        return (run.ExitCode, await stdout + await stderr);
    }

    private async Task<bool> WaitForPortAsync(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (process is null || process.HasExited)
            {
                return false;
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        return false;
    }

    private void StopProcess()
    {
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        process = null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
