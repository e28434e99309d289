using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;
using static Eoffice.IntegrationTests.Platform.Storage.FileStoreClient;

namespace Eoffice.IntegrationTests.Platform.Storage;

/// <summary>
/// The write-then-commit rule under a real crash: the built application runs as a child process on SQLite and is
/// killed with SIGKILL in the middle of uploads. Afterwards every platform_files row must have its content, intact,
/// every acknowledged upload must have its row, and the application must start again and serve those files.
/// </summary>
public sealed class KillingTheProcessDuringUploadsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "eoffice-tests", "kill-" + Guid.NewGuid().ToString("N"));
    private readonly List<EofficeProcess> processes = [];

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(dataPath);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }

        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }

    [Fact(Timeout = 300_000)]
    public async Task Sigkill_mid_upload_and_right_after_uploads_never_leaves_a_row_without_its_file()
    {
        var clock = Stopwatch.StartNew();
        var acknowledged = new ConcurrentDictionary<Guid, byte[]>();

        // 1. Kill while a 20 MB upload is streaming in slowly.
        await using (var app = await StartAsync())
        {
            using var client = await app.SignedInClientAsync();
            var small = Pdf(40_000);
            acknowledged[await UploadOneAsync(client, small, "truoc-khi-tat.pdf")] = small;

            var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var request = await UploadRequestAsync(client, new SlowMultipartContent("lon.pdf", 20 * 1024 * 1024, halfway));
            var upload = client.SendAsync(request);
            await halfway.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await WaitUntilAsync(() => Directory.Exists(TemporaryPath) && Directory.GetFiles(TemporaryPath, "up-*").Length > 0,
                TimeSpan.FromSeconds(30), "the server to stream the upload into a temporary file");

            app.Kill();
            await Assert.ThrowsAnyAsync<Exception>(() => upload.WaitAsync(TimeSpan.FromSeconds(30)));
        }

        output.WriteLine($"Mid-upload kill done at {clock.Elapsed.TotalSeconds:0.0} s");
        AssertEveryRowHasItsContent(acknowledged);

        // 2. Kill right after an upload is acknowledged while others are in flight, three times over.
        for (var round = 1; round <= 3; round++)
        {
            await using var app = await StartAsync();
            using var client = await app.SignedInClientAsync();
            // One upload first, so that the session's antiforgery cookie exists before the concurrent ones start.
            var first = Pdf(1_000);
            acknowledged[await UploadOneAsync(client, first, "moi-phien.pdf")] = first;
            var target = acknowledged.Count + 3;
            using var stop = new CancellationTokenSource();
            var uploaders = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var content = Pdf(Random.Shared.Next(1_000, 200_000));
                    try
                    {
                        var id = await UploadOneAsync(client, content, $"vong-{round}.pdf", stop.Token);
                        acknowledged[id] = content;
                        if (acknowledged.Count >= target)
                        {
                            app.Kill();
                            await stop.CancelAsync();
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException { StatusCode: null } or OperationCanceledException or IOException)
                    {
                        // In flight when the process died: neither acknowledged nor required to exist.
                        output.WriteLine($"  upload in flight at the kill: {ex.GetType().Name}");
                        return;
                    }
                }
            })).ToList();

            await Task.WhenAll(uploaders).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(app.HasExited, "the application was killed");
            output.WriteLine($"Round {round}: killed after {acknowledged.Count} acknowledged uploads, at {clock.Elapsed.TotalSeconds:0.0} s");
            AssertEveryRowHasItsContent(acknowledged);
        }

        // 3. The application starts again on the same data and serves every acknowledged upload intact.
        await using (var app = await StartAsync())
        {
            using var client = await app.SignedInClientAsync();
            foreach (var (id, content) in acknowledged)
            {
                var bytes = await client.GetByteArrayAsync($"/api/v1/files/{id}");
                Assert.Equal(content, bytes);
            }
        }

        output.WriteLine($"Restart and {acknowledged.Count} downloads verified; total {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private string StorePath => Path.Combine(dataPath, "files");

    private string TemporaryPath => Path.Combine(StorePath, ".tmp");

    /// <summary>Reads the SQLite file directly, as it was left by the killed process.</summary>
    private void AssertEveryRowHasItsContent(IReadOnlyDictionary<Guid, byte[]> acknowledged)
    {
        var rows = new List<(Guid Id, string Sha256, long Length)>();
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(dataPath, "eoffice.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, sha256, length FROM platform_files";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2)));
            }
        }

        foreach (var (id, sha256, length) in rows)
        {
            var path = Path.Combine(StorePath, sha256[..2], sha256[2..4], sha256);
            Assert.True(File.Exists(path), $"row {id} points to a missing content {sha256}");
            Assert.Equal(length, new FileInfo(path).Length);
            using var file = File.OpenRead(path);
            Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(file)));
        }

        var ids = rows.Select(r => r.Id).ToHashSet();
        Assert.All(acknowledged.Keys, id => Assert.Contains(id, ids));
        output.WriteLine($"  {rows.Count} row(s), each with its content; {acknowledged.Count} acknowledged upload(s) all recorded");
    }

    private static async Task<Guid> UploadOneAsync(HttpClient client, byte[] content, string fileName, CancellationToken cancellationToken = default)
    {
        using var request = await UploadRequestAsync(client, Multipart((content, fileName, "application/pdf")), cancellationToken);
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<UploadResponseDto>(cancellationToken);
        return body!.Files.Single().Id;
    }

    private async Task<EofficeProcess> StartAsync()
    {
        var process = EofficeProcess.Start(dataPath, output);
        processes.Add(process);
        await process.WaitUntilReadyAsync(StartTimeout);
        return process;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>
    /// A multipart body with one PDF part of <c>total</c> bytes, written in 64 KB chunks with a pause after each, so
    /// that the upload is still streaming when the test kills the server.
    /// </summary>
    private sealed class SlowMultipartContent : HttpContent
    {
        private const int Chunk = 64 * 1024;
        private readonly string boundary = "eoffice-" + Guid.NewGuid().ToString("N");
        private readonly string fileName;
        private readonly long total;
        private readonly TaskCompletionSource halfway;

        public SlowMultipartContent(string fileName, long total, TaskCompletionSource halfway)
        {
            this.fileName = fileName;
            this.total = total;
            this.halfway = halfway;
            Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data");
            Headers.ContentType.Parameters.Add(new NameValueHeaderValue("boundary", boundary));
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var header = $"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{fileName}\"\r\nContent-Type: application/pdf\r\n\r\n";
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(header));
            var chunk = new byte[Chunk];
            Random.Shared.NextBytes(chunk);
            "%PDF-1.7\n"u8.CopyTo(chunk);
            for (long written = 0; written < total; written += Chunk)
            {
                await stream.WriteAsync(chunk);
                await stream.FlushAsync();
                if (written >= total / 4)
                {
                    halfway.TrySetResult();
                }

                await Task.Delay(15);
            }

            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n"));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}

/// <summary>The built eOffice (Eoffice.Web.dll) running as a child process on a free local port.</summary>
internal sealed class EofficeProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> log = new();
    private readonly ITestOutputHelper output;

    private EofficeProcess(Process process, Uri address, ITestOutputHelper output)
    {
        this.process = process;
        this.output = output;
        Address = address;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public bool HasExited => process.HasExited;

    public static EofficeProcess Start(string dataPath, ITestOutputHelper output)
    {
        var application = FindApplication();
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(application)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(application);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Eoffice__DataPath"] = dataPath;
        start.Environment["Eoffice__DemoMode"] = "true";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Sqlite"] = string.Empty;
        start.Environment["Storage__Path"] = string.Empty;
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        start.Environment.Remove("ASPNETCORE_HTTPS_PORTS");
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start eOffice.");
        return new EofficeProcess(process, address, output);
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"eOffice exited with code {process.ExitCode} before it was ready:\n{string.Join('\n', log)}");
            }

            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    output.WriteLine($"  eOffice ready on {Address} after {clock.Elapsed.TotalSeconds:0.0} s");
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"eOffice was not ready within {timeout}:\n{string.Join('\n', log)}");
    }

    public async Task<HttpClient> SignedInClientAsync()
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { userName = "quantri", password = "Eoffice@2026" });
        response.EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>SIGKILL on Linux: no shutdown code runs, nothing is flushed.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(30));
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            Kill();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(wait.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or the OS is slow to reap it; nothing more to do.
        }

        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        log.Enqueue(line);
        while (log.Count > 200)
        {
            log.TryDequeue(out _);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Eoffice.Web.dll next to the test assembly (copied by the project reference), else in the web project's bin folder.</summary>
    internal static string FindApplication()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "Eoffice.Web.dll");
        if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "Eoffice.Web.runtimeconfig.json")))
        {
            return beside;
        }

        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Eoffice.slnx")))
        {
            directory = directory.Parent;
        }

        var candidate = directory is null
            ? null
            : Directory.GetFiles(Path.Combine(directory.FullName, "src", "Eoffice.Web", "bin"), "Eoffice.Web.dll", SearchOption.AllDirectories)
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault();
        return candidate ?? throw new FileNotFoundException("Eoffice.Web.dll not found; build the solution first.");
    }
}
