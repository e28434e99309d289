using System.Security.Cryptography;
using Eoffice.Web.Modules.Documents.Domain;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Data;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Eoffice.Web.Modules.Documents.Outgoing;

/// <summary>
/// Proof for outsiders: every document issued with digital signatures carries, on page 1, a QR code and a short code
/// (mã xác thực) leading to the public page /xac-thuc/{code}. Anyone — without an account — sees there the registered
/// number, the date, the issuing agency and the subject, and may upload a file to learn whether it is exactly the
/// signed original (its SHA-256 equals the issued file's). Nothing else is revealed (no recipients, no handling, no
/// file), an unknown code is simply not found, and the page and API are rate-limited per client.
/// Each file check is audited.
/// </summary>
public sealed class PublicVerification(EofficeDbContext db, IHttpContextAccessor http, IConfiguration configuration, IAuditLog audit)
{
    public const string RateLimitPolicy = PublicRateLimit.Policy;
    public const string PagePath = "/xac-thuc";

    /// <summary>The most a checked upload may be; the issued originals are far smaller.</summary>
    public const long MaxCheckedBytes = 100L * 1024 * 1024;

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford's base 32: no I, L, O, U

    /// <summary>What the public page shows of an issued document; <c>Withdrawn</c>: recalled after issue (thu hồi), it has no effect any more.</summary>
    public sealed record Summary(string Code, string CodeText, DateOnly IssuedDate, string IssuingAgency, string TypeName, string Subject, bool Withdrawn);

    public sealed record CheckResult(Summary Document, bool Matches, string Message);

    /// <summary>A new random code (50 bits), as stored: ten characters of Crockford's base 32.</summary>
    public static string NewCode() => new(RandomNumberGenerator.GetItems<char>(Alphabet, OutgoingDocument.VerificationCodeLength));

    /// <summary>"ABCDE-FGHJK", as printed.</summary>
    public static string Display(string code) => $"{code[..5]}-{code[5..]}";

    /// <summary>The code as typed (any case, with or without the dash, O for 0, I and L for 1); null when it cannot be one.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var chars = typed.Trim().ToUpperInvariant().Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            .Replace('O', '0').Replace('I', '1').Replace('L', '1');
        return chars.Length == OutgoingDocument.VerificationCodeLength && chars.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? chars : null;
    }

    /// <summary>The address the QR code leads to: <c>Verification:PublicBaseUrl</c> when set (behind a proxy), else this request's origin.</summary>
    public string UrlOf(string code)
    {
        var configured = configuration["Verification:PublicBaseUrl"];
        var origin = configured is { Length: > 0 } ? configured.TrimEnd('/')
            : http.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}" : "";
        return $"{origin}{PagePath}/{code}";
    }

    public async Task<Summary?> FindAsync(string? typed, CancellationToken cancellationToken)
    {
        if (Normalize(typed) is not { } code)
        {
            return null;
        }

        var d = await db.Set<OutgoingDocument>().AsNoTracking()
            .Where(x => x.VerificationCode == code && x.IssuedAt != null)
            .Select(x => new { x.Metadata, x.Number, x.Status })
            .FirstOrDefaultAsync(cancellationToken);
        return d is null ? null : new Summary(code, d.Metadata.CodeText, d.Metadata.IssuedDate!.Value, d.Metadata.IssuingOrganName, d.Metadata.TypeName,
            d.Metadata.Subject, d.Status == OutgoingStatus.Recalled);
    }

    /// <summary>Whether <paramref name="content"/> is byte for byte the signed original of the document with this code.</summary>
    public async Task<CheckResult> CheckAsync(string? typed, Stream content, string? fileName, CancellationToken cancellationToken)
    {
        var summary = await FindAsync(typed, cancellationToken) ?? throw RuleException.NotFound("Không tìm thấy văn bản có mã xác thực này.");
        var expected = await db.Set<OutgoingDocument>().AsNoTracking().Where(d => d.VerificationCode == summary.Code)
            .Join(db.Set<StoredFile>(), d => d.IssuedFileId, f => (Guid?)f.Id, (d, f) => f.Sha256)
            .FirstAsync(cancellationToken);
        var actual = await HashAsync(content, cancellationToken);
        var matches = string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase);
        var message = matches
            ? "Tệp trùng khớp hoàn toàn với bản gốc điện tử đã ký số của văn bản này."
            : "Tệp KHÔNG trùng khớp với bản gốc điện tử đã ký số của văn bản này (khác ít nhất một byte, hoặc là bản khác).";
        await audit.RecordAsync(new AuditEvent("documents.outgoing.public-check", OutgoingHandling.AuditObjectType, summary.Code,
            matches ? AuditOutcome.Success : AuditOutcome.Failure,
            $"Tra cứu công khai {summary.CodeText}: tệp \"{Cut(fileName)}\" {(matches ? "trùng khớp" : "không trùng khớp")} với bản gốc."), cancellationToken);
        return new CheckResult(summary, matches, message);
    }

    private static async Task<string> HashAsync(Stream content, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxCheckedBytes)
            {
                throw RuleException.Invalid("Tệp lớn hơn 100 MB; không phải bản gốc của văn bản.", "file");
            }

            hash.AppendData(buffer, 0, read);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static string Cut(string? name) => name is null ? "" : name.Length <= 100 ? name : name[..100];

    internal static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/public/verification").AllowAnonymous().RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();
        group.MapGet("/{code}", async Task<Ok<Summary>> (string code, PublicVerification handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.FindAsync(code, ct) ?? throw RuleException.NotFound("Không tìm thấy văn bản có mã xác thực này.")))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("FindPublicDocument")
            .WithSummary("Tra cứu công khai văn bản đã phát hành theo mã xác thực: số, ngày, cơ quan ban hành, trích yếu.");
        group.MapPost("/{code}/check", async Task<Ok<CheckResult>> (string code, HttpRequest request, PublicVerification handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.CheckAsync(code, request.Body, null, ct)))
            .Accepts<Stream>("application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("CheckPublicDocument")
            .WithSummary("Kiểm tra một tệp (gửi nguyên nội dung) có đúng là bản gốc điện tử đã ký số của văn bản hay không.");
    }
}
