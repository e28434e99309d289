using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Eoffice.IntegrationTests.Documents;
using Eoffice.IntegrationTests.Documents.Handling;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Identity;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Notifications;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Eoffice.IntegrationTests.Platform.Notifications;

/// <summary>
/// Real-time push over the notification hub, spoken as the browser does: negotiate, open the WebSocket with the
/// session cookie, JSON hub protocol handshake, then wait for the "Notification" invocation. (The .NET SignalR client
/// package is not available to us.)
/// </summary>
public abstract class NotificationPushTests(EofficeApp app)
{
    private const char RecordSeparator = '\u001e';

    [DbFact]
    public async Task A_committed_notification_is_pushed_to_the_recipients_open_page_with_the_new_unread_count()
    {
        var (userId, userName) = await app.CreateUserAsync("Hoàng Văn Em");
        var (cookie, token) = await SessionCookieAsync(userName);
        using var hub = await HubConnection.OpenAsync(app, cookie, token);

        var greeting = await hub.ReceiveInvocationAsync("UnreadCount");
        Assert.Equal(0, greeting[0].GetInt32());

        Guid id;
        using (var scope = app.Services.CreateScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<INotifier>()
                .NotifyAsync(userId, "Văn bản số 45/QĐ-UBND đã được ký", "Mời đồng chí xem và phát hành.", "/thong-bao", "documents");
            await scope.ServiceProvider.GetRequiredService<EofficeDbContext>().SaveChangesAsync();
        }

        var pushed = (await hub.ReceiveInvocationAsync("Notification"))[0];
        Assert.Equal(id, pushed.GetProperty("id").GetGuid());
        Assert.Equal("Văn bản số 45/QĐ-UBND đã được ký", pushed.GetProperty("title").GetString());
        Assert.Equal("/thong-bao", pushed.GetProperty("link").GetString());
        Assert.Equal(1, pushed.GetProperty("unreadCount").GetInt32());
    }

    [DbFact]
    public async Task Opening_the_document_a_notification_is_about_pushes_the_lower_count_to_the_persons_other_pages()
    {
        var documentId = await app.RegisterDirectAsync("V/v tổ chức tập huấn nghiệp vụ đăng kiểm");
        var clerk = await app.SignedInDemoAsync("dtmai");
        await clerk.ActAsync(documentId, "present", new { userId = await app.DemoUserIdAsync("lttha") });
        await app.OutboxDrainedAsync();
        var (cookie, token) = await SessionCookieAsync("lttha", IncomingTestKit.DemoPassword);
        using var hub = await HubConnection.OpenAsync(app, cookie, token);
        var before = (await hub.ReceiveInvocationAsync("UnreadCount"))[0].GetInt32();
        Assert.True(before > 0);

        await (await app.SignedInDemoAsync("lttha")).DetailAsync(documentId);

        Assert.Equal(before - 1, (await hub.ReceiveInvocationAsync("UnreadCount"))[0].GetInt32());
    }

    [DbFact]
    public async Task The_hub_refuses_an_anonymous_connection()
    {
        var client = app.AnonymousClient();

        var negotiate = await client.PostAsync("/hubs/notifications/negotiate?negotiateVersion=1", null);

        Assert.False(negotiate.IsSuccessStatusCode);
    }

    /// <summary>The session's cookies (session and antiforgery) and the antiforgery token the page gives its scripts.</summary>
    private async Task<(string Cookie, string Token)> SessionCookieAsync(string userName, string password = TestAccounts.Password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { userName, password });
        response.EnsureSuccessStatusCode();
        return await client.AntiforgeryForCookieAsync(string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
    }

    private sealed class HubConnection : IDisposable
    {
        private readonly WebSocket socket;
        private readonly StringBuilder pending = new();
        private readonly Decoder decoder = Encoding.UTF8.GetDecoder();

        private HubConnection(WebSocket socket) => this.socket = socket;

        public static async Task<HubConnection> OpenAsync(EofficeApp app, string cookie, string antiforgeryToken)
        {
            var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/notifications/negotiate?negotiateVersion=1");
            request.Headers.Add("Cookie", cookie);
            request.Headers.Add(RequestForgeryGuard.HeaderName, antiforgeryToken); // as notifications.js sends it
            var negotiate = await http.SendAsync(request);
            negotiate.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync());
            var token = body.RootElement.GetProperty("connectionToken").GetString();
            Assert.Contains(body.RootElement.GetProperty("availableTransports").EnumerateArray(),
                t => t.GetProperty("transport").GetString() == "WebSockets");

            var client = app.Server.CreateWebSocketClient();
            client.ConfigureRequest = r => r.Headers.Cookie = cookie;
            var socket = await client.ConnectAsync(new Uri($"ws://localhost/hubs/notifications?id={Uri.EscapeDataString(token!)}"), CancellationToken.None);
            var connection = new HubConnection(socket);
            await connection.SendAsync("{\"protocol\":\"json\",\"version\":1}" + RecordSeparator);
            using var handshake = await connection.ReceiveAsync();
            Assert.False(handshake.RootElement.TryGetProperty("error", out _), handshake.RootElement.ToString());
            return connection;
        }

        /// <summary>Waits (at most 30 s) for an invocation of <paramref name="target"/>, skipping pings and other messages.</summary>
        public async Task<JsonElement[]> ReceiveInvocationAsync(string target)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (true)
            {
                using var message = await ReceiveAsync(timeout.Token);
                var root = message.RootElement;
                if (root.GetProperty("type").GetInt32() == 1 && root.GetProperty("target").GetString() == target)
                {
                    return root.GetProperty("arguments").EnumerateArray().Select(a => a.Clone()).ToArray();
                }
            }
        }

        private Task SendAsync(string text) =>
            socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

        private async Task<JsonDocument> ReceiveAsync(CancellationToken cancellationToken = default)
        {
            var buffer = new byte[4096];
            while (true)
            {
                var text = pending.ToString();
                var end = text.IndexOf(RecordSeparator, StringComparison.Ordinal);
                if (end >= 0)
                {
                    pending.Remove(0, end + 1);
                    return JsonDocument.Parse(text[..end]);
                }

                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new InvalidOperationException($"The hub closed the connection: {result.CloseStatusDescription}");
                }

                // A stateful decoder: a Vietnamese letter may be split between two frames.
                var chars = new char[decoder.GetCharCount(buffer, 0, result.Count)];
                decoder.GetChars(buffer, 0, result.Count, chars, 0);
                pending.Append(chars);
            }
        }

        public void Dispose() => socket.Dispose();
    }
}

public sealed class NotificationPushTestsOnSqlite(SqliteApp app) : NotificationPushTests(app), IClassFixture<SqliteApp>;

public sealed class NotificationPushTestsOnPostgres(PostgresApp app) : NotificationPushTests(app), IClassFixture<PostgresApp>;
