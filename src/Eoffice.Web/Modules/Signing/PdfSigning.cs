using System.Security.Cryptography;
using System.Text.Json;
using Eoffice.Web.Modules.Signing.Contracts;
using Eoffice.Web.Modules.Signing.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Signing;
using Eoffice.Web.Platform.Signing.Pdf;
using Eoffice.Web.Platform.Signing.Remote;
using Eoffice.Web.Platform.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Modules.Signing;

/// <summary>
/// Signs stored PDFs for the other modules (<see cref="IPdfSigning"/>): the certificate must be one the current user
/// may use now for the role and capacity (<see cref="SigningCertificate.RefusalFor"/>); its key is reached where it is
/// (the server's encrypted PKCS#12 file, a PKCS#11 token with the PIN given now); the text stamps come first in their
/// own revision, then the signature with its image (the person's handwriting fitted to the box, the seal at its real
/// size), time-stamped when a service is configured. The signed file is staged with the caller's change. Remote
/// services and the local agent answer later: <see cref="BeginAsync"/> prepares the file and hands out the hash in a
/// sealed session (<see cref="SigningSessions"/>), <see cref="CompleteAsync"/> rebuilds the same file from the same
/// source and time, checks the answer and embeds it — nothing is stored in between.
/// </summary>
public sealed class PdfSigning(
    EofficeDbContext db,
    ICurrentUser currentUser,
    KeyFileVault vault,
    FileStore files,
    IAuditLog audit,
    IHttpClientFactory httpClients,
    IOptions<SigningOptions> options,
    SigningSessions sessions,
    RemoteSigningService remoteService,
    TimeProvider time) : IPdfSigning
{
    public const string TimestampHttpClient = "Eoffice.Signing.Timestamp";
    private const double PointsPerMillimetre = 72 / 25.4;

    public string? LocalAgentUrl => options.Value.LocalAgentUrl is { Length: > 0 } url ? url.TrimEnd('/') : null;

    public async Task<IReadOnlyList<UsableCertificate>> CertificatesAsync(SignatureRole role, SignerCapacity capacity, CancellationToken cancellationToken)
    {
        var (agencyId, userId) = Who();
        var now = time.GetUtcNow().UtcDateTime;
        var candidates = await CandidatesAsync(agencyId, role, cancellationToken);
        return [.. candidates.Where(c => c.RefusalFor(userId, UseOf(role), CapacityOf(capacity), now) is null)
            .Select(c => new UsableCertificate(c.Id, c.SubjectName, c.SerialNumber, c.Issuer, c.NotAfter, Codes.Of(c.Location), c.Location == KeyLocation.Pkcs11Token))];
    }

    public async Task<SignatureImageSize?> ImageSizeAsync(SignatureRole role, CancellationToken cancellationToken)
    {
        var image = await ImageAsync(role, cancellationToken);
        return image is null ? null : SizeOf(role, image);
    }

    public async Task<PdfSigningResult> SignAsync(PdfSigningRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (agencyId, userId) = Who();
        var certificate = await ChooseAsync(agencyId, userId, request, time.GetUtcNow().UtcDateTime, cancellationToken);
        using var key = OpenKey(certificate, request.Pin);
        var signer = new KeyHolderCmsSigner(key.Signer, Timestamps());
        await using var output = SeekableFiles.Temporary();
        var prepared = await PrepareFileAsync(request, certificate, time, output, cancellationToken);
        CmsSignature cms;
        try
        {
            cms = await signer.SignAsync(new CmsSignatureRequest(prepared.DocumentDigest, prepared.SigningTime), cancellationToken);
        }
        catch (Exception e) when (e is SigningDeviceException or TimestampServiceException)
        {
            throw RuleException.Invalid(e.Message, e is SigningDeviceException ? "pin" : null);
        }

        return await FinishAsync(request, certificate, output, prepared, cms.Der, cancellationToken);
    }

    public async Task<DeferredSignature> BeginAsync(PdfSigningRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (agencyId, userId) = Who();
        var certificate = await ChooseAsync(agencyId, userId, request, time.GetUtcNow().UtcDateTime, cancellationToken);
        var signer = DeferredSignerOf(certificate);
        var client = signer == DeferredSigner.RemoteService ? RemoteClient() : null;
        var remote = client is null ? null : await RemoteCertificateAsync(client, certificate, cancellationToken);
        await using var output = SeekableFiles.Temporary();
        var preparedPdf = await PrepareFileAsync(request, certificate, time, output, cancellationToken);
        var chain = certificate.Chain() is { Count: > 0 } registered ? registered : remote?.Chain ?? [];
        var prepared = CadesSignedData.Prepare(preparedPdf.DocumentDigest, certificate.Certificate(), chain, preparedPdf.SigningTime);
        var description = $"{request.Reason}: {request.Concerning}";
        string? transactionId = null;
        if (client is not null)
        {
            try
            {
                transactionId = (await client.StartAsync(new RemoteSigningStartRequest(certificate.RemoteUserId!, remote!.Id, prepared.HashToSign, description),
                    cancellationToken)).TransactionId;
            }
            catch (RemoteSigningException e)
            {
                throw RuleException.Invalid(e.Message, "certificateId");
            }
        }

        var ticket = sessions.Begin(prepared, userId, Purpose(request, certificate), transactionId);
        await audit.RecordAsync(new AuditEvent("signing.request", "certificate", certificate.Id.ToString(),
            Details: $"Yêu cầu ký số {request.Concerning} {(client is null ? "qua phần mềm ký số trên máy người ký" : $"qua dịch vụ ký số từ xa (giao dịch {transactionId})")}: "
                + $"chứng thư số \"{certificate.Subject}\", số hiệu {certificate.SerialNumber}."), cancellationToken);
        return new DeferredSignature(signer, ticket.Token, signer == DeferredSigner.LocalAgent ? ticket.HashToSign : null, ticket.CertificateThumbprint,
            description, ticket.ExpiresAt);
    }

    public async Task<PdfSigningResult?> CompleteAsync(PdfSigningRequest request, string token, byte[]? signatureValue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (agencyId, userId) = Who();
        var certificate = await ChooseAsync(agencyId, userId, request, time.GetUtcNow().UtcDateTime, cancellationToken);
        var signer = DeferredSignerOf(certificate);
        SigningSession session;
        try
        {
            session = sessions.Open(token, userId, Purpose(request, certificate));
        }
        catch (SigningSessionException e)
        {
            throw RuleException.Invalid(e.Message, "token");
        }

        var prepared = session.Prepared;
        byte[] value;
        if (signer == DeferredSigner.RemoteService)
        {
            var answer = await RemoteAnswerAsync(RemoteClient(), session, cancellationToken);
            if (answer is null)
            {
                return null;
            }

            value = answer;
        }
        else
        {
            value = signatureValue is { Length: > 0 } ? signatureValue : throw RuleException.Invalid("Phần mềm ký số chưa trả về chữ ký.", "signatureValue");
        }

        if (!SignatureValues.Verify(prepared.Certificate, prepared.HashToSign, value))
        {
            throw RuleException.Invalid("Chữ ký trả về không khớp với chứng thư số đã chọn; văn bản chưa được ký.", "signatureValue");
        }

        // The file is rebuilt as it was prepared (same source, same signing time, same bytes): nothing was stored between the calls.
        await using var output = SeekableFiles.Temporary();
        var preparedPdf = await PrepareFileAsync(request, certificate, new FixedTime(prepared.SigningTime), output, cancellationToken);
        var again = CadesSignedData.Prepare(preparedPdf.DocumentDigest, prepared.Certificate, prepared.Chain, preparedPdf.SigningTime);
        if (!again.SignedAttributes.AsSpan().SequenceEqual(prepared.SignedAttributes))
        {
            throw RuleException.Conflict("Tệp cần ký đã thay đổi từ lúc bắt đầu ký; vui lòng ký lại.");
        }

        byte[]? timestamp = null;
        if (Timestamps() is { } timestamps)
        {
            try
            {
                timestamp = await timestamps.RequestTokenAsync(value, cancellationToken);
            }
            catch (TimestampServiceException e)
            {
                throw RuleException.Invalid(e.Message);
            }
        }

        return await FinishAsync(request, certificate, output, preparedPdf, CadesSignedData.Assemble(prepared, value, timestamp), cancellationToken);
    }

    /// <summary>The stamps in their own revision first, then the signature's revision with an empty placeholder, at the clock's time.</summary>
    private async Task<PreparedPdfSignature> PrepareFileAsync(PdfSigningRequest request, SigningCertificate certificate, TimeProvider clock, FileStream output,
        CancellationToken cancellationToken)
    {
        var look = request.Look is { } l ? await AppearanceAsync(request.Role, l, cancellationToken) : null;
        await using var source = await TempCopyAsync(request.SourceFileId, cancellationToken);
        await using var stamped = request.TextsFirst.Count == 0 ? null : SeekableFiles.Temporary();
        try
        {
            if (stamped is not null)
            {
                await new PdfStamper().StampAsync(source, stamped,
                    [.. request.TextsFirst.Select(t => new PdfTextStamp(t.Box.PageIndex, Rectangle(t.Box), t.Text.Split('\n')) { FontSize = t.FontSize, QrText = t.QrText })],
                    cancellationToken);
                stamped.Position = 0;
            }

            return await new PdfSigner(clock).PrepareAsync(stamped ?? source, output, new PdfSignatureOptions
            {
                Name = certificate.OwnerName ?? certificate.SubjectName,
                Reason = request.Reason,
                Appearance = look,
            }, cancellationToken);
        }
        catch (PdfFormatException e)
        {
            throw RuleException.Invalid(e.Message);
        }
    }

    /// <summary>The CMS into its placeholder, the signed file staged with the caller's change, the signature audited.</summary>
    private async Task<PdfSigningResult> FinishAsync(PdfSigningRequest request, SigningCertificate certificate, FileStream output, PreparedPdfSignature prepared,
        byte[] cms, CancellationToken cancellationToken)
    {
        try
        {
            await new PdfSigner(time).CompleteAsync(output, prepared, cms, cancellationToken);
        }
        catch (PdfSignatureTooLargeException e)
        {
            throw RuleException.Invalid(e.Message);
        }

        output.Position = 0;
        var stored = await files.StageAsync(output, request.OutputFileName, FileTypeSniffer.Pdf, cancellationToken);
        await audit.RecordAsync(new AuditEvent("signing.sign", "file", stored.Id.ToString(),
            Details: $"Ký số ({(request.Role == SignatureRole.AgencySeal ? "chữ ký số của cơ quan" : "chữ ký số cá nhân")}) {request.Concerning}: "
                + $"chứng thư số \"{certificate.Subject}\", số hiệu {certificate.SerialNumber}, tệp {stored.FileName}."), cancellationToken);
        return new PdfSigningResult(stored.Id, stored.FileName, certificate.Id, certificate.OwnerName ?? certificate.SubjectName, certificate.Subject,
            certificate.SerialNumber, prepared.SigningTime);
    }

    private TimestampClient? Timestamps() => options.Value.TimestampUrl is { Length: > 0 } url
        ? new TimestampClient(httpClients.CreateClient(TimestampHttpClient), new TimestampOptions(new Uri(url)) { Timeout = options.Value.TimestampTimeout })
        : null;

    private RemoteSigningClient RemoteClient() =>
        remoteService.Client ?? throw RuleException.Invalid("Máy chủ chưa được cấu hình dịch vụ ký số từ xa; báo quản trị hệ thống.", "certificateId");

    /// <summary>The service's record of the certificate eOffice has for the person: nobody signs with another certificate.</summary>
    private static async Task<RemoteCertificate> RemoteCertificateAsync(RemoteSigningClient client, SigningCertificate certificate, CancellationToken cancellationToken)
    {
        try
        {
            var listed = await client.ListCertificatesAsync(certificate.RemoteUserId!, cancellationToken);
            return listed.FirstOrDefault(c => SignatureValues.HasThumbprint(c.Certificate, certificate.Thumbprint))
                ?? throw RuleException.Invalid("Dịch vụ ký số từ xa không có chứng thư số đã đăng ký của bạn trong eOffice; báo quản trị.", "certificateId");
        }
        catch (RemoteSigningException e)
        {
            throw RuleException.Invalid(e.Message, "certificateId");
        }
    }

    /// <summary>The person's answer on the phone: null while they have not answered; a refusal or expiry ends the signature.</summary>
    private static async Task<byte[]?> RemoteAnswerAsync(RemoteSigningClient client, SigningSession session, CancellationToken cancellationToken)
    {
        RemoteTransactionStatus status;
        try
        {
            status = await client.GetStatusAsync(session.TransactionId ?? throw RuleException.Invalid("Phiên ký số không hợp lệ. Vui lòng thực hiện ký lại.", "token"),
                cancellationToken);
        }
        catch (RemoteSigningException e)
        {
            throw RuleException.Invalid(e.Message);
        }

        return status.State switch
        {
            RemoteTransactionState.Pending => null,
            RemoteTransactionState.Rejected => throw RuleException.Invalid(status.Reason is { Length: > 0 } reason
                ? $"Bạn đã từ chối ký trên điện thoại: {reason}" : "Bạn đã từ chối ký trên điện thoại; văn bản chưa được ký."),
            RemoteTransactionState.Expired => throw RuleException.Invalid("Yêu cầu ký số đã hết hạn trước khi được xác nhận trên điện thoại; vui lòng ký lại."),
            _ when status.Certificate is null || !status.Certificate.RawData.AsSpan().SequenceEqual(session.Prepared.Certificate.RawData) =>
                throw RuleException.Invalid("Dịch vụ ký số từ xa đã ký bằng một chứng thư số khác với chứng thư số đã chọn; văn bản chưa được ký."),
            _ => status.SignatureValue,
        };
    }

    /// <summary>Binds a session to what is signed: the file, where and how, with which certificate and why.</summary>
    private static string Purpose(PdfSigningRequest request, SigningCertificate certificate)
    {
        var what = JsonSerializer.SerializeToUtf8Bytes(new
        {
            request.SourceFileId, request.OutputFileName, request.Role, request.Capacity, Certificate = certificate.Id, request.Look, request.TextsFirst,
            request.Reason,
        });
        return "pdf-signature:" + Convert.ToHexString(SHA256.HashData(what));
    }

    private static DeferredSigner DeferredSignerOf(SigningCertificate certificate) => certificate.Location switch
    {
        KeyLocation.RemoteService => DeferredSigner.RemoteService,
        KeyLocation.LocalAgent => DeferredSigner.LocalAgent,
        _ => throw RuleException.Invalid("Chứng thư số này được ký trực tiếp trên máy chủ hoặc bằng thiết bị ký số; không cần xác nhận trên điện thoại hay phần mềm ký số.", "certificateId"),
    };

    private (Guid AgencyId, Guid UserId) Who() =>
        (currentUser.AgencyId ?? throw RuleException.NotFound(), currentUser.Id ?? throw RuleException.NotFound());

    private async Task<List<SigningCertificate>> CandidatesAsync(Guid agencyId, SignatureRole role, CancellationToken cancellationToken)
    {
        var use = UseOf(role);
        return await db.Set<SigningCertificate>().Include(c => c.SealHolders).AsNoTracking()
            .Where(c => c.AgencyId == agencyId && c.Use == use && c.IsActive).OrderByDescending(c => c.NotAfter).ToListAsync(cancellationToken);
    }

    private async Task<SigningCertificate> ChooseAsync(Guid agencyId, Guid userId, PdfSigningRequest request, DateTime now, CancellationToken cancellationToken)
    {
        var use = UseOf(request.Role);
        var capacity = CapacityOf(request.Capacity);
        if (request.CertificateId is { } id)
        {
            var chosen = await db.Set<SigningCertificate>().Include(c => c.SealHolders).AsNoTracking()
                .FirstOrDefaultAsync(c => c.Id == id && c.AgencyId == agencyId, cancellationToken)
                ?? throw RuleException.Invalid("Không tìm thấy chứng thư số đã chọn.", "certificateId");
            if (chosen.RefusalFor(userId, use, capacity, now) is { } refusal)
            {
                throw RuleException.Forbidden(refusal, "certificateId");
            }

            return chosen;
        }

        var usable = (await CandidatesAsync(agencyId, request.Role, cancellationToken)).Where(c => c.RefusalFor(userId, use, capacity, now) is null).ToList();
        return usable.Count switch
        {
            1 => usable[0],
            0 => throw RuleException.Forbidden(request.Role == SignatureRole.AgencySeal
                ? "Bạn không giữ chứng thư số của cơ quan còn hiệu lực; không ký số được."
                : "Bạn chưa có chứng thư số cá nhân còn hiệu lực cho thẩm quyền ký này.", "certificateId"),
            _ => throw RuleException.Invalid("Chọn chứng thư số để ký.", "certificateId"),
        };
    }

    private OpenedKey OpenKey(SigningCertificate certificate, string? pin)
    {
        switch (certificate.Location)
        {
            case KeyLocation.ServerFile when certificate.ProtectedKeyFile is { } sealedFile:
                return new OpenedKey(vault.Open(sealedFile), null);
            case KeyLocation.Pkcs11Token when certificate.Pkcs11Library is { } library:
                if (string.IsNullOrEmpty(pin))
                {
                    throw RuleException.Invalid("Nhập mã PIN của thiết bị ký số.", "pin");
                }

                if (!options.Value.Pkcs11Libraries.Contains(library, StringComparer.Ordinal))
                {
                    throw RuleException.Invalid("Thư viện PKCS#11 của chứng thư số này không còn được máy chủ cho phép; báo quản trị hệ thống.", "certificateId");
                }

                try
                {
                    var token = new Pkcs11RawSigner(new Pkcs11SignerOptions
                    {
                        LibraryPath = library,
                        UserPin = pin,
                        TokenLabel = certificate.Pkcs11TokenLabel,
                        KeyLabel = certificate.Pkcs11KeyLabel,
                        Certificate = certificate.Certificate(),
                        Chain = certificate.Chain(),
                    });
                    return new OpenedKey(token, token);
                }
                catch (SigningDeviceException e)
                {
                    throw RuleException.Invalid(e.Message, "pin");
                }

            case KeyLocation.RemoteService or KeyLocation.LocalAgent:
                throw RuleException.Invalid("Chứng thư số này ký qua dịch vụ ký số từ xa hoặc phần mềm ký số trên máy người ký: xác nhận trên điện thoại hoặc trong phần mềm ký số.", "certificateId");
            default:
                throw RuleException.Invalid("Chứng thư số chưa có khóa để ký.", "certificateId");
        }
    }

    private async Task<SignatureImage?> ImageAsync(SignatureRole role, CancellationToken cancellationToken)
    {
        var (agencyId, userId) = Who();
        Guid? owner = role == SignatureRole.AgencySeal ? null : userId;
        return await db.Set<SignatureImage>().AsNoTracking().FirstOrDefaultAsync(i => i.AgencyId == agencyId && i.OwnerId == owner, cancellationToken);
    }

    /// <summary>The seal at its real size (<see cref="SigningOptions.SealDiameterMillimetres"/> across); a handwriting 60 pt high.</summary>
    private SignatureImageSize SizeOf(SignatureRole role, SignatureImage image)
    {
        var ratio = (double)image.Width / image.Height;
        if (role == SignatureRole.AgencySeal)
        {
            var side = options.Value.SealDiameterMillimetres * PointsPerMillimetre;
            return ratio >= 1 ? new SignatureImageSize(side, side / ratio) : new SignatureImageSize(side * ratio, side);
        }

        return new SignatureImageSize(Math.Min(60 * ratio, 170), Math.Min(60, 170 / ratio));
    }

    private async Task<PdfSignatureAppearance> AppearanceAsync(SignatureRole role, SignatureLook look, CancellationToken cancellationToken)
    {
        byte[]? png = null;
        if (look.WithImage && await ImageAsync(role, cancellationToken) is { } image)
        {
            await using var opened = await files.OpenReadAsSystemAsync(image.FileId, cancellationToken);
            using var memory = new MemoryStream();
            await opened.Content.CopyToAsync(memory, cancellationToken);
            png = memory.ToArray();
        }

        return new PdfSignatureAppearance(look.Box.PageIndex, Rectangle(look.Box)) { Png = png, TextLines = look.TextLines };
    }

    private async Task<FileStream> TempCopyAsync(Guid fileId, CancellationToken cancellationToken)
    {
        await using var opened = await files.OpenReadAsSystemAsync(fileId, cancellationToken);
        return opened.File.ContentType == FileTypeSniffer.Pdf
            ? await SeekableFiles.CopyAsync(opened.Content, cancellationToken)
            : throw RuleException.Invalid("Chỉ ký số được tệp PDF.");
    }

    private static PdfRectangle Rectangle(PageBox box) => new(box.X, box.Y, box.Width, box.Height);

    private static CertificateUse UseOf(SignatureRole role) => role == SignatureRole.AgencySeal ? CertificateUse.AgencySeal : CertificateUse.Personal;

    private static SigningCapacities CapacityOf(SignerCapacity capacity) => capacity switch
    {
        SignerCapacity.OwnRight => SigningCapacities.OwnRight,
        SignerCapacity.Deputy => SigningCapacities.Deputy,
        SignerCapacity.ByOrder => SigningCapacities.ByOrder,
        SignerCapacity.ByAuthorisation => SigningCapacities.ByAuthorisation,
        _ => SigningCapacities.None,
    };

    /// <summary>A clock stopped at the time a deferred signature was prepared, so that its file is rebuilt byte for byte.</summary>
    private sealed class FixedTime(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at.ToUniversalTime();
    }

    /// <summary>The key for one signature: a token session is closed after it; the vault keeps server-held keys itself.</summary>
    private sealed record OpenedKey(IRawSigner Signer, IDisposable? Holder) : IDisposable
    {
        public void Dispose() => Holder?.Dispose();
    }
}
