using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Modules.Signing.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Modules.Signing;

/// <summary>
/// The administrator registers a certificate for signing: a person's (with the authority lines it may sign under) or
/// the agency seal's, and where its key is — a PKCS#12 file the server keeps encrypted, a PKCS#11 token the server
/// reaches through one of the configured libraries, a remote signing service account, or the holder's USB token through
/// the local agent. A certificate that is expired or not for signing is refused, and so is one already registered.
/// <c>POST /api/v1/signing/certificates</c>; the page /quan-tri/chung-thu-so.
/// </summary>
public sealed class RegisterCertificate(
    EofficeDbContext db,
    ICurrentUser currentUser,
    IPeopleDirectory people,
    KeyFileVault vault,
    IOptions<SigningOptions> options,
    UnitOfWork unitOfWork,
    TimeProvider time)
{
    private const string DuplicateMessage = "Chứng thư số này đã được đăng ký.";

    /// <param name="Use">personal | agency-seal.</param>
    /// <param name="Location">server-file | pkcs11 | remote | agent.</param>
    /// <param name="Capacities">For a personal certificate: own, kt, tl, tuq (none given: all).</param>
    /// <param name="CertificateBase64">The certificate (DER or PEM), for every location but server-file; a PEM may add the CA certificates of its chain.</param>
    /// <param name="OwnerId">For a personal certificate: the person it belongs to, who alone may sign with it.</param>
    /// <param name="KeyFileBase64">server-file: the PKCS#12 (.p12/.pfx), with <paramref name="KeyFilePassword"/>.</param>
    /// <param name="KeyFilePassword">The PKCS#12 file's password, kept encrypted with the file.</param>
    /// <param name="Pkcs11Library">pkcs11: one of the libraries the server configuration allows.</param>
    /// <param name="Pkcs11TokenLabel">pkcs11: the token's label.</param>
    /// <param name="Pkcs11KeyLabel">pkcs11: the private key's label on the token (none: the key matching the certificate).</param>
    /// <param name="RemoteUserId">remote: the holder's account at the remote signing service.</param>
    public sealed record Request(
        string? Use,
        string? Location,
        Guid? OwnerId,
        IReadOnlyList<string>? Capacities,
        string? CertificateBase64,
        string? KeyFileBase64,
        [property: AsTyped] string? KeyFilePassword,
        string? Pkcs11Library,
        string? Pkcs11TokenLabel,
        string? Pkcs11KeyLabel,
        string? RemoteUserId) : IValidatableRequest
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (Use is null || !Codes.Uses.ContainsKey(Use))
            {
                errors["use"] = ["Chọn chứng thư số của cá nhân hay của cơ quan."];
            }

            if (Location is null || !Codes.Locations.TryGetValue(Location, out var location))
            {
                errors["location"] = ["Chọn nơi giữ khóa bí mật."];
                return errors;
            }

            if (Use == "personal" && OwnerId is null)
            {
                errors["ownerId"] = ["Chọn người sở hữu chứng thư số."];
            }

            if (Capacities?.FirstOrDefault(c => !Codes.CapacityCodes.ContainsKey(c)) is not null)
            {
                errors["capacities"] = ["Thẩm quyền ký không hợp lệ."];
            }

            if (location == KeyLocation.ServerFile)
            {
                Required(errors, "keyFileBase64", KeyFileBase64, "Vui lòng tải lên tệp khóa (.p12/.pfx).");
            }
            else
            {
                Required(errors, "certificateBase64", CertificateBase64, "Vui lòng tải lên chứng thư số (.cer).");
            }

            if (location == KeyLocation.Pkcs11Token)
            {
                Required(errors, "pkcs11Library", Pkcs11Library, "Chọn thư viện PKCS#11 của thiết bị.");
                Required(errors, "pkcs11TokenLabel", Pkcs11TokenLabel, "Nhập nhãn (label) của thiết bị ký số.");
            }

            if (location == KeyLocation.RemoteService)
            {
                Required(errors, "remoteUserId", RemoteUserId, "Nhập tài khoản của người ký tại dịch vụ ký số từ xa.");
            }

            foreach (var (field, value) in new[] { ("pkcs11TokenLabel", Pkcs11TokenLabel), ("pkcs11KeyLabel", Pkcs11KeyLabel), ("remoteUserId", RemoteUserId) })
            {
                if (value is { Length: > SigningCertificate.LabelMaxLength })
                {
                    errors[field] = [$"Tối đa {SigningCertificate.LabelMaxLength} ký tự."];
                }
            }

            return errors;
        }

        private static void Required(Dictionary<string, string[]> errors, string field, string? value, string message)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors[field] = [message];
            }
        }
    }

    public async Task<CertificateResponse> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var agencyId = currentUser.AgencyId ?? throw RuleException.NotFound();
        var userId = currentUser.Id ?? throw RuleException.NotFound();
        var now = time.GetUtcNow().UtcDateTime;
        var use = Codes.Uses[request.Use!];
        var location = Codes.Locations[request.Location!];
        var field = location == KeyLocation.ServerFile ? "keyFileBase64" : "certificateBase64";

        string? protectedKey = null;
        System.Security.Cryptography.X509Certificates.X509Certificate2 certificate;
        IReadOnlyList<System.Security.Cryptography.X509Certificates.X509Certificate2> chain = [];
        if (location == KeyLocation.ServerFile)
        {
            var bytes = CertificateInput.Base64(request.KeyFileBase64!, "keyFileBase64");
            certificate = CertificateInput.KeyFile(bytes, request.KeyFilePassword, "keyFileBase64").Certificate;
            protectedKey = vault.Protect(bytes, request.KeyFilePassword);
        }
        else
        {
            (certificate, chain) = CertificateInput.CertificateWithChain(CertificateInput.Base64(request.CertificateBase64!, "certificateBase64"), "certificateBase64");
        }

        CertificateInput.EnsureUsableForSigning(certificate, now, field);
        if (location == KeyLocation.Pkcs11Token && !options.Value.Pkcs11Libraries.Contains(request.Pkcs11Library, StringComparer.Ordinal))
        {
            throw RuleException.Invalid("Thư viện PKCS#11 này không có trong danh sách máy chủ được phép dùng.", "pkcs11Library");
        }

        PersonInfo? owner = null;
        if (use == CertificateUse.Personal)
        {
            owner = await people.FindPersonAsync(request.OwnerId!.Value, cancellationToken);
            if (owner is null || owner.AgencyId != agencyId)
            {
                throw RuleException.Invalid("Người sở hữu không thuộc cơ quan.", "ownerId");
            }

            if (!owner.IsActive)
            {
                throw RuleException.Invalid("Người sở hữu phải là người đang làm việc tại cơ quan.", "ownerId");
            }
        }

        var capacities = request.Capacities is { Count: > 0 } chosen
            ? chosen.Aggregate(SigningCapacities.None, (all, code) => all | Codes.CapacityCodes[code])
            : SigningCapacities.All;
        var entry = new SigningCertificate(agencyId, use, location, certificate, owner?.Id, owner?.FullName, capacities,
            userId, currentUser.FullName ?? currentUser.UserName ?? string.Empty, now);
        if (await db.Set<SigningCertificate>().AnyAsync(c => c.AgencyId == agencyId && c.Thumbprint == entry.Thumbprint, cancellationToken))
        {
            throw RuleException.Conflict(DuplicateMessage, field);
        }

        if (protectedKey is not null)
        {
            entry.KeepServerFile(protectedKey);
        }

        entry.KeepChain(chain);

        if (location == KeyLocation.Pkcs11Token)
        {
            entry.UsePkcs11(request.Pkcs11Library!, request.Pkcs11TokenLabel!.Trim(), request.Pkcs11KeyLabel?.Trim() is { Length: > 0 } key ? key : null);
        }

        if (location == KeyLocation.RemoteService)
        {
            entry.UseRemoteService(request.RemoteUserId!.Trim());
        }

        db.Add(entry);
        try
        {
            await unitOfWork.CommitAsync(new AuditEvent("signing.certificate.register", "signing-certificate", entry.Id.ToString(),
                Details: $"{Codes.NameOf(use)}, {Codes.NameOf(location)}: {entry.Subject}, số hiệu {entry.SerialNumber}" +
                    (owner is null ? string.Empty : $", của {owner.FullName}")), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Registered by another request between the check above and the save: the unique index decided.
            db.ChangeTracker.Clear();
            if (await db.Set<SigningCertificate>().AnyAsync(c => c.AgencyId == agencyId && c.Thumbprint == entry.Thumbprint, CancellationToken.None))
            {
                throw RuleException.Conflict(DuplicateMessage, field);
            }

            throw;
        }

        return CertificateResponse.From(entry);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapPost("/certificates", async Task<Results<Created<CertificateResponse>, ValidationProblem>> (Request request, RegisterCertificate handler, CancellationToken ct) =>
            {
                var created = await handler.HandleAsync(request, ct);
                return TypedResults.Created($"/api/v1/signing/certificates/{created.Id}", created);
            })
            .RequireAuthorization(Policies.For(SigningPermissions.ManageSigning))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RegisterSigningCertificate")
            .WithSummary("Đăng ký chứng thư số dùng để ký (cá nhân hoặc con dấu số của cơ quan).");
}
