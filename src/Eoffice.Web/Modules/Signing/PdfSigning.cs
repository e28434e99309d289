using System.Security.Cryptography.X509Certificates;
using Eoffice.Web.Modules.Signing.Contracts;
using Eoffice.Web.Modules.Signing.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Signing;
using Eoffice.Web.Platform.Signing.Pdf;
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
/// services and the local agent answer later, so they are not signed through this synchronous path.
/// </summary>
public sealed class PdfSigning(
    EofficeDbContext db,
    ICurrentUser currentUser,
    KeyFileVault vault,
    FileStore files,
    IAuditLog audit,
    IHttpClientFactory httpClients,
    IOptions<SigningOptions> options,
    TimeProvider time) : IPdfSigning
{
    public const string TimestampHttpClient = "Eoffice.Signing.Timestamp";
    private const double PointsPerMillimetre = 72 / 25.4;

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
        var now = time.GetUtcNow().UtcDateTime;
        var certificate = await ChooseAsync(agencyId, userId, request, now, cancellationToken);
        using var key = OpenKey(certificate, request.Pin);
        var timestamps = options.Value.TimestampUrl is { Length: > 0 } url
            ? new TimestampClient(httpClients.CreateClient(TimestampHttpClient), new TimestampOptions(new Uri(url)) { Timeout = options.Value.TimestampTimeout })
            : null;
        var signer = new KeyHolderCmsSigner(key.Signer, timestamps);
        var look = request.Look is { } l ? await AppearanceAsync(request.Role, l, cancellationToken) : null;
        var signerName = certificate.OwnerName ?? certificate.SubjectName;

        await using var source = await TempCopyAsync(request.SourceFileId, cancellationToken);
        await using var stamped = request.TextsFirst.Count == 0 ? null : SeekableFiles.Temporary();
        if (stamped is not null)
        {
            await new PdfStamper().StampAsync(source, stamped,
                [.. request.TextsFirst.Select(t => new PdfTextStamp(t.Box.PageIndex, Rectangle(t.Box), t.Text.Split('\n')) { FontSize = t.FontSize, QrText = t.QrText })], cancellationToken);
            stamped.Position = 0;
        }

        await using var output = SeekableFiles.Temporary();
        PdfSignOutcome outcome;
        try
        {
            outcome = await new PdfSigner(time).SignAsync(stamped ?? source, output, new PdfSignatureOptions
            {
                Name = signerName,
                Reason = request.Reason,
                Location = null,
                Appearance = look,
            }, signer, cancellationToken);
        }
        catch (Exception e) when (e is SigningDeviceException or TimestampServiceException or PdfFormatException or PdfSignatureTooLargeException)
        {
            throw RuleException.Invalid(e.Message, e is SigningDeviceException ? "pin" : null);
        }

        output.Position = 0;
        var stored = await files.StageAsync(output, request.OutputFileName, FileTypeSniffer.Pdf, cancellationToken);
        await audit.RecordAsync(new AuditEvent("signing.sign", "file", stored.Id.ToString(),
            Details: $"Ký số ({(request.Role == SignatureRole.AgencySeal ? "chữ ký số của cơ quan" : "chữ ký số cá nhân")}) {request.Concerning}: "
                + $"chứng thư số \"{certificate.Subject}\", số hiệu {certificate.SerialNumber}, tệp {stored.FileName}."), cancellationToken);
        return new PdfSigningResult(stored.Id, stored.FileName, certificate.Id, signerName, certificate.Subject, certificate.SerialNumber, outcome.SigningTime);
    }

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
                throw RuleException.Invalid("Chứng thư số này ký qua dịch vụ ký số từ xa hoặc ứng dụng ký trên máy người ký; chọn chứng thư số giữ trên máy chủ hoặc thiết bị ký số.", "certificateId");
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

    /// <summary>The key for one signature: a token session is closed after it; the vault keeps server-held keys itself.</summary>
    private sealed record OpenedKey(IRawSigner Signer, IDisposable? Holder) : IDisposable
    {
        public void Dispose() => Holder?.Dispose();
    }
}
