using Eoffice.Web.Platform.Signing.Pdf;

namespace Eoffice.Web.Platform.Signing;

/// <summary>The verdict on one signature of a PDF, as a reader needs it, worst cases last.</summary>
public enum SignatureVerdict
{
    /// <summary>Intact, and the certificate is trusted for the time of signing.</summary>
    Valid,

    /// <summary>Intact as signed, but page content was changed or added in a later revision.</summary>
    ChangedAfterSigning,

    /// <summary>Intact, but the certificate does not chain to a trust anchor (or its revocation is unknown).</summary>
    Untrusted,

    /// <summary>Intact, but the certificate had expired (or was not yet valid) and no time-stamp proves an earlier time.</summary>
    Expired,

    /// <summary>Intact, but the certificate is revoked or not allowed to sign.</summary>
    Revoked,

    /// <summary>The signed bytes were altered, or the signature does not belong to them.</summary>
    Invalid,
}

/// <summary>One signature of a PDF: what the structure and the cryptography say, and the verdict.</summary>
public sealed record PdfSignatureReport(
    PdfSignatureInfo Structure,
    CmsVerificationResult? Cms,
    SignatureVerdict Verdict,
    string VerdictText,
    string? Note);

/// <summary>A PDF's signatures, oldest first; <see cref="IsSigned"/> false for a PDF without any, <see cref="Unreadable"/> for a file that is no readable PDF.</summary>
public sealed record PdfVerificationReport(IReadOnlyList<PdfSignatureReport> Signatures, string? Unreadable)
{
    public bool IsSigned => Signatures.Count > 0;

    /// <summary>Every signature valid (stamps after a signature are allowed; a changed page is not).</summary>
    public bool AllValid => IsSigned && Signatures.All(s => s.Verdict == SignatureVerdict.Valid);

    public string Summary => Unreadable is not null ? "Không đọc được tệp PDF"
        : !IsSigned ? "Chưa ký số"
        : AllValid ? $"Hợp lệ ({Signatures.Count} chữ ký số)"
        : Signatures.MaxBy(s => s.Verdict)!.VerdictText;
}

/// <summary>
/// Verifies every signature of a PDF: the structure (<see cref="PdfSignatureInspector"/>: byte range, revision, what
/// came after) and the CMS (<see cref="CmsSignatureVerifier"/>: digest, signature value, time-stamp, chain to the trust
/// anchors), into one verdict per signature with its Vietnamese wording. The file is read by seeking, never whole.
/// </summary>
public sealed class PdfSignatureVerifier(PdfSignatureInspector inspector, CmsSignatureVerifier cms)
{
    public async Task<PdfVerificationReport> VerifyAsync(Stream pdf, TrustPolicy policy, CancellationToken cancellationToken)
    {
        IReadOnlyList<PdfSignatureInfo> found;
        try
        {
            found = await inspector.InspectAsync(pdf, cancellationToken);
        }
        catch (PdfFormatException e)
        {
            return new PdfVerificationReport([], e.Message);
        }

        var reports = new List<PdfSignatureReport>();
        foreach (var signature in found)
        {
            if (!signature.ByteRangeWellFormed)
            {
                reports.Add(new PdfSignatureReport(signature, null, SignatureVerdict.Invalid,
                    "Không hợp lệ: vùng dữ liệu được ký bị sai lệch", null));
                continue;
            }

            var digest = PdfSignatureInspector.ComputeDigest(pdf, signature.ByteRange);
            var result = cms.Verify(signature.Cms, digest, policy);
            var (verdict, text) = Judge(signature, result);
            var note = signature.LaterChanges switch
            {
                PdfLaterChanges.SignaturesOnly => "Sau chữ ký này chỉ có thêm chữ ký số khác.",
                PdfLaterChanges.AnnotationsOrStamps => "Sau chữ ký này có thêm chữ ký số và nội dung đóng dấu (số, ngày văn bản, ghi chú); nội dung trang không đổi.",
                PdfLaterChanges.ContentChanged => "Sau chữ ký này nội dung trang đã bị thêm hoặc sửa.",
                _ => null,
            };
            reports.Add(new PdfSignatureReport(signature, result, verdict, text, note));
        }

        return new PdfVerificationReport(reports, null);
    }

    private static (SignatureVerdict, string) Judge(PdfSignatureInfo signature, CmsVerificationResult result)
    {
        if (!result.IntegrityValid)
        {
            return (SignatureVerdict.Invalid, "Không hợp lệ: nội dung đã bị sửa sau khi ký hoặc chữ ký không khớp");
        }

        return result.TrustStatus switch
        {
            CertificateTrustStatus.Revoked => (SignatureVerdict.Revoked, "Chứng thư số đã bị thu hồi"),
            CertificateTrustStatus.NotValidForSigning => (SignatureVerdict.Revoked, "Chứng thư số không được cấp để ký số"),
            CertificateTrustStatus.Expired => (SignatureVerdict.Expired, "Chứng thư số đã hết hạn tại thời điểm ký"),
            CertificateTrustStatus.Untrusted => (SignatureVerdict.Untrusted, "Chứng thư số không thuộc tổ chức chứng thực được tin cậy"),
            CertificateTrustStatus.RevocationUnknown => (SignatureVerdict.Untrusted, "Không kiểm tra được tình trạng thu hồi của chứng thư số"),
            _ when signature.LaterChanges == PdfLaterChanges.ContentChanged =>
                (SignatureVerdict.ChangedAfterSigning, "Văn bản đã bị thay đổi sau khi ký"),
            _ => (SignatureVerdict.Valid, "Hợp lệ"),
        };
    }
}
