using MailKit.Security;

namespace Eoffice.Web.Modules.Exchange.Email;

/// <summary>How a mail server is reached: <c>none</c> (plain, loopback relays and tests), <c>starttls</c>, <c>ssl</c> (TLS on connect), <c>auto</c>.</summary>
public static class MailSecurity
{
    public static SecureSocketOptions Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "ssl" or "tls" or "sslonconnect" => SecureSocketOptions.SslOnConnect,
        null or "" or "auto" => SecureSocketOptions.Auto,
        _ => throw new InvalidOperationException($"Exchange:Email: unknown security mode '{value}' (none, starttls, ssl, auto)."),
    };
}

/// <summary>A mail server: host, port, TLS mode, the account (user name and password; none for an open relay).</summary>
public sealed class MailServerOptions
{
    public string? Host { get; set; }

    public int Port { get; set; }

    /// <summary>none | starttls | ssl | auto (MailKit's choice by port).</summary>
    public string? Security { get; set; } = "auto";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Time allowed for each network operation.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>
/// The agency's official e-mail (thư điện tử công vụ, ADR 0030 §26), section <c>Exchange:Email</c>: the SMTP server
/// that sends issued documents to partners on the e-mail channel, the sender address when the agency has none entered,
/// and the IMAP mailbox whose messages become items in "Chờ tiếp nhận".
/// </summary>
public sealed class OfficialMailOptions
{
    public const string Section = "Exchange:Email";

    public MailServerOptions Smtp { get; set; } = new();

    /// <summary>The official address mail is sent from when the agency's own e-mail (Organization) is not entered.</summary>
    public string? FromAddress { get; set; }

    public ImapIntakeOptions Imap { get; set; } = new();
}

/// <summary>The official mailbox polled for arrivals (IMAP).</summary>
public sealed class ImapIntakeOptions
{
    public MailServerOptions Server { get; set; } = new();

    /// <summary>The identifier (mã định danh) of the agency whose mailbox this is; empty: the installation's only active agency.</summary>
    public string? AgencyCode { get; set; }

    /// <summary>The folder read (INBOX).</summary>
    public string Folder { get; set; } = "INBOX";

    /// <summary>Where taken messages are moved (created when missing); empty: they stay in <see cref="Folder"/>, flagged seen.</summary>
    public string? ProcessedFolder { get; set; } = "eOffice/Da-tiep-nhan";

    /// <summary>Where skipped messages (no attachment, blocked sender, refused files) are moved; empty: they stay, flagged seen.</summary>
    public string? SkippedFolder { get; set; } = "eOffice/Bo-qua";

    /// <summary>Time between two polls.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Messages taken per poll at most.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Addresses or whole domains (<c>@example.com</c>) whose messages are skipped.</summary>
    public List<string> BlockedSenders { get; set; } = [];
}
