using Eoffice.Web.Modules.Signing.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Signing;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Signing;

/// <summary>
/// Checks the digital signatures of a PDF one may read (any attachment): for each signature, whether the bytes are the
/// signed ones, whether anything but signatures and stamps came after it, and whether its certificate is trusted,
/// valid at the time-stamp (or now) and not revoked — with the signer, organisation and time. Another person's file,
/// like a missing one, is not found. <c>GET /api/v1/signing/files/{fileId}/signatures</c>.
/// </summary>
public sealed class VerifyFileSignatures(FileStore files, PdfSignatureVerifier verifier, TrustAnchors trust, IAuditLog audit) : IFileSignatureCheck
{
    public async Task<FileSignaturesResponse> HandleAsync(Guid fileId, CancellationToken cancellationToken)
    {
        var response = await VerifyAsync(await files.OpenReadAsync(fileId, cancellationToken), cancellationToken);
        await audit.RecordAsync(new AuditEvent("signing.verify", "file", fileId.ToString(),
            Details: $"{response.FileName}: {response.SummaryText}"), cancellationToken);
        return response;
    }

    public async Task<FileSignatureCheck> CheckAsync(Guid fileId, CancellationToken cancellationToken)
    {
        var response = await VerifyAsync(await files.OpenReadAsSystemAsync(fileId, cancellationToken), cancellationToken);
        return new FileSignatureCheck(fileId, response.Summary, response.SummaryText,
            [.. response.Signatures.Select(s => $"{s.SignerName ?? "Không rõ người ký"}{(s.Organization is { } o && o != s.SignerName ? $" ({o})" : "")}: {s.VerdictText}")]);
    }

    private async Task<FileSignaturesResponse> VerifyAsync(OpenedFile file, CancellationToken cancellationToken)
    {
        await using var opened = file;
        if (opened.File.ContentType != FileTypeSniffer.Pdf)
        {
            return new FileSignaturesResponse(opened.File.Id, opened.File.FileName, "not-pdf", "Chỉ kiểm tra được chữ ký số trên tệp PDF.", []);
        }

        await using var copy = await SeekableFiles.CopyAsync(opened.Content, cancellationToken);
        var report = await verifier.VerifyAsync(copy, trust.PolicyNow(), cancellationToken);
        return FileSignaturesResponse.From(opened.File.Id, opened.File.FileName, report);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/files/{fileId:guid}/signatures", async Task<Ok<FileSignaturesResponse>> (Guid fileId, VerifyFileSignatures handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(fileId, ct)))
            .RequireAuthorization(Policies.For(SigningPermissions.VerifySignatures))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("VerifyFileSignatures")
            .WithSummary("Kiểm tra chữ ký số trên một tệp PDF: toàn vẹn, thay đổi sau khi ký, chứng thư số, thời gian ký.");
}

/// <summary>The verification of one file. <c>Summary</c> is valid | not-signed | unreadable | invalid (one or more
/// signatures not valid); <c>SummaryText</c> says the same in Vietnamese for the page.</summary>
public sealed record FileSignaturesResponse(Guid FileId, string FileName, string Summary, string SummaryText, IReadOnlyList<FileSignatureRow> Signatures)
{
    public static FileSignaturesResponse From(Guid fileId, string fileName, PdfVerificationReport report) => new(
        fileId,
        fileName,
        report.Unreadable is not null ? "unreadable" : !report.IsSigned ? "not-signed" : report.AllValid ? "valid" : "invalid",
        report.Summary,
        [.. report.Signatures.Select(FileSignatureRow.From)]);
}

/// <summary>One signature of the file. <c>Verdict</c> is valid | changed-after-signing | untrusted | expired | revoked |
/// invalid.</summary>
public sealed record FileSignatureRow(
    string FieldName,
    string Verdict,
    string VerdictText,
    string? Note,
    string? SignerName,
    string? Organization,
    string? SerialNumber,
    string? Issuer,
    DateTimeOffset? SigningTime,
    DateTimeOffset? TimestampTime,
    bool CoversWholeFile,
    string? Reason)
{
    public static FileSignatureRow From(PdfSignatureReport r) => new(
        r.Structure.FieldName,
        r.Verdict switch
        {
            SignatureVerdict.Valid => "valid",
            SignatureVerdict.ChangedAfterSigning => "changed-after-signing",
            SignatureVerdict.Untrusted => "untrusted",
            SignatureVerdict.Expired => "expired",
            SignatureVerdict.Revoked => "revoked",
            _ => "invalid",
        },
        r.VerdictText,
        r.Note,
        r.Cms?.SignerName,
        r.Cms?.SignerOrganization,
        r.Cms?.SerialNumber,
        r.Cms?.Issuer,
        r.Cms?.SigningTime ?? r.Structure.SigningTime,
        r.Cms?.TimestampTime,
        r.Structure.CoversWholeFile,
        r.Structure.Reason);
}
