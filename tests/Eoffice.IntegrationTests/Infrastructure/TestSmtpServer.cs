using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Eoffice.IntegrationTests.Infrastructure;

/// <summary>A message the in-test SMTP server took: the envelope (MAIL FROM, RCPT TO) and the message parsed with MimeKit.</summary>
public sealed record ReceivedMail(string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, MimeMessage Message);

/// <summary>
/// A real SMTP server inside the test (the <c>SmtpServer</c> package) on 127.0.0.1 and a free port, plain (no TLS):
/// every message it takes is kept parsed. It can refuse every message (<see cref="Refusing"/>: 554 at the end of DATA)
/// or be stopped and started again on the same port (unreachable in between).
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly Store store;
    private CancellationTokenSource? running;
    private Task? serving;

    public TestSmtpServer()
    {
        store = new Store(this);
        Port = FreePort();
        Start();
    }

    public int Port { get; }

    public ConcurrentQueue<ReceivedMail> Received { get; } = new();

    /// <summary>When set, every message is answered 554 (transaction failed) and not kept.</summary>
    public volatile bool Refusing;

    /// <summary>How many messages were refused.</summary>
    public int Refused => store.RefusedCount;

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("smtp.test.local")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        running = new CancellationTokenSource();
        serving = new SmtpServer.SmtpServer(options, services).StartAsync(running.Token);
    }

    /// <summary>Stops listening: a client now meets a refused connection.</summary>
    public async Task StopAsync()
    {
        if (running is null)
        {
            return;
        }

        await running.CancelAsync();
        try
        {
            await serving!;
        }
        catch (OperationCanceledException)
        {
        }

        running.Dispose();
        running = null;
    }

    /// <summary>The messages taken whose To has <paramref name="address"/>, once at least one is there (30 s at most).</summary>
    public async Task<IReadOnlyList<ReceivedMail>> MessagesToAsync(string address)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var found = Received.Where(m => m.EnvelopeTo.Contains(address, StringComparer.OrdinalIgnoreCase)).ToList();
            if (found.Count > 0 || DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        private int refused;

        public int RefusedCount => refused;

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            if (server.Refusing)
            {
                Interlocked.Increment(ref refused);
                return SmtpResponse.TransactionFailed;
            }

            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            server.Received.Enqueue(new ReceivedMail(Address(transaction.From), [.. transaction.To.Select(Address)], message));
            return SmtpResponse.Ok;
        }

        private static string Address(IMailbox mailbox) => $"{mailbox.User}@{mailbox.Host}";
    }
}
