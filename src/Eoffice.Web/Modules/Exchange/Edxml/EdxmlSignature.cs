using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace Eoffice.Web.Modules.Exchange.Edxml;

/// <summary>Signs a SHA-256 digest with the key of <see cref="Certificate"/> (RSA, PKCS#1 v1.5).</summary>
public interface IEdxmlKey
{
    X509Certificate2 Certificate { get; }

    Task<byte[]> SignSha256Async(byte[] digest, CancellationToken cancellationToken);
}

/// <summary>
/// The W3C XML-DSig of a package: one enveloped signature over the whole document (<c>Reference URI=""</c>, the
/// enveloped-signature transform, inclusive C14N), RSA-SHA256 with a SHA-256 digest, the certificate in
/// <c>KeyInfo/X509Data</c>, placed at the end of <c>edXMLHeader</c> (REQUIREMENTS §3.1). The key never enters this
/// class: the SignedInfo digest goes to <see cref="IEdxmlKey"/> (the agency's key held by Signing, or a token).
/// Verification accepts only that shape — one signature, one reference to the whole document, SHA-2 — and checks it
/// with the key of the certificate the partner directory holds for the sender, never with the one the package brings.
/// </summary>
public static class EdxmlSignature
{
    private static readonly HashSet<string> SignatureMethods =
        [SignedXml.XmlDsigRSASHA256Url, SignedXml.XmlDsigRSASHA384Url, SignedXml.XmlDsigRSASHA512Url];

    private static readonly HashSet<string> DigestMethods = [SignedXml.XmlDsigSHA256Url, SignedXml.XmlDsigSHA384Url, SignedXml.XmlDsigSHA512Url];

    private static readonly HashSet<string> Transforms =
    [
        SignedXml.XmlDsigEnvelopedSignatureTransformUrl, SignedXml.XmlDsigC14NTransformUrl, SignedXml.XmlDsigC14NWithCommentsTransformUrl,
        SignedXml.XmlDsigExcC14NTransformUrl, SignedXml.XmlDsigExcC14NWithCommentsTransformUrl,
    ];

    /// <summary>Signs <paramref name="xml"/> in place (a package built by <see cref="EdxmlWriter"/>, not yet signed).</summary>
    public static async Task SignAsync(XmlDocument xml, IEdxmlKey key, CancellationToken cancellationToken)
    {
        using var publicKey = key.Certificate.GetRSAPublicKey()
            ?? throw new InvalidOperationException("Chứng thư số của cơ quan không dùng khóa RSA; không ký được gói tin edXML.");
        var header = HeaderOf(xml) ?? throw new InvalidOperationException("The package has no edXMLHeader.");
        using var capture = new DigestCapture(publicKey);
        var signed = new SignedXml(xml) { SigningKey = capture };
        signed.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigC14NTransformUrl;
        signed.SignedInfo.SignatureMethod = SignedXml.XmlDsigRSASHA256Url;
        var reference = new Reference("") { DigestMethod = SignedXml.XmlDsigSHA256Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigC14NTransform());
        signed.AddReference(reference);
        var data = new KeyInfoX509Data(key.Certificate);
        data.AddSubjectName(key.Certificate.Subject);
        signed.KeyInfo = new KeyInfo();
        signed.KeyInfo.AddClause(data);
        signed.ComputeSignature();

        var value = await key.SignSha256Async(capture.Digest ?? throw new InvalidOperationException("No digest was signed."), cancellationToken);
        if (!publicKey.VerifyHash(capture.Digest, value, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            throw new InvalidOperationException("The agency key's signature does not match its certificate.");
        }

        var element = signed.GetXml();
        var signatureValue = (XmlElement)element.GetElementsByTagName("SignatureValue", EdxmlNames.DsigNamespace)[0]!;
        signatureValue.InnerText = Convert.ToBase64String(value);
        header.AppendChild(xml.ImportNode(element, deep: true));
    }

    /// <summary>
    /// Checks the package's signature against <paramref name="expected"/> (the sender's certificate from the partner
    /// directory); throws <see cref="EdxmlRefusedException"/> when it is missing, of another shape, made by another
    /// certificate, or does not match the content (tampered).
    /// </summary>
    public static void Verify(XmlDocument xml, X509Certificate2 expected)
    {
        var element = SignatureOf(xml);
        var signed = new SignedXml(xml);
        try
        {
            signed.LoadXml(element);
        }
        catch (CryptographicException)
        {
            throw new EdxmlRefusedException(EdxmlRefusal.Malformed, "Chữ ký số của gói tin không đúng cấu trúc XML-DSig.");
        }

        var info = signed.SignedInfo!;
        if (!SignatureMethods.Contains(info.SignatureMethod ?? ""))
        {
            throw new EdxmlRefusedException(EdxmlRefusal.UnsupportedAlgorithm,
                $"Thuật toán chữ ký {info.SignatureMethod} không được chấp nhận; dùng RSA-SHA256 (hoặc mạnh hơn).");
        }

        if (info.References.Count != 1 || info.References[0] is not Reference { Uri: "" } reference)
        {
            throw new EdxmlRefusedException(EdxmlRefusal.BadSignature, "Chữ ký số phải phủ toàn bộ gói tin (một tham chiếu URI=\"\").");
        }

        if (!DigestMethods.Contains(reference.DigestMethod ?? "")
            || Enumerable.Range(0, reference.TransformChain.Count).Any(i => !Transforms.Contains(reference.TransformChain[i].Algorithm ?? "")))
        {
            throw new EdxmlRefusedException(EdxmlRefusal.UnsupportedAlgorithm, "Thuật toán băm hoặc phép biến đổi của chữ ký số không được chấp nhận.");
        }

        var embedded = signed.KeyInfo?.OfType<KeyInfoX509Data>().SelectMany(d => d.Certificates?.Cast<X509Certificate2>() ?? []).FirstOrDefault();
        if (embedded is not null && !embedded.RawData.AsSpan().SequenceEqual(expected.RawData))
        {
            throw new EdxmlRefusedException(EdxmlRefusal.WrongSigner,
                "Gói tin được ký bằng chứng thư số khác với chứng thư số đã đăng ký của cơ quan gửi.");
        }

        using var key = expected.GetRSAPublicKey();
        bool valid;
        try
        {
            valid = key is not null && signed.CheckSignature(key);
        }
        catch (CryptographicException)
        {
            valid = false;
        }

        if (!valid)
        {
            throw new EdxmlRefusedException(EdxmlRefusal.BadSignature,
                "Chữ ký số của gói tin không hợp lệ: nội dung đã bị thay đổi sau khi ký hoặc không do cơ quan gửi ký.");
        }
    }

    /// <summary>The certificate a signed package names in its KeyInfo, when it carries one.</summary>
    public static X509Certificate2? EmbeddedCertificate(XmlDocument xml)
    {
        var element = SignatureOf(xml);
        var signed = new SignedXml(xml);
        signed.LoadXml(element);
        return signed.KeyInfo?.OfType<KeyInfoX509Data>().SelectMany(d => d.Certificates?.Cast<X509Certificate2>() ?? []).FirstOrDefault();
    }

    private static XmlElement SignatureOf(XmlDocument xml)
    {
        var signatures = xml.GetElementsByTagName("Signature", EdxmlNames.DsigNamespace);
        if (signatures.Count == 0)
        {
            throw new EdxmlRefusedException(EdxmlRefusal.Unsigned, "Gói tin chưa được ký số; không tiếp nhận.");
        }

        if (signatures.Count > 1 || signatures[0] is not XmlElement element || !ReferenceEquals(element.ParentNode, HeaderOf(xml)))
        {
            throw new EdxmlRefusedException(EdxmlRefusal.BadSignature, "Gói tin phải có đúng một chữ ký số, đặt trong edXMLHeader.");
        }

        return element;
    }

    private static XmlElement? HeaderOf(XmlDocument xml)
    {
        var envelope = EdxmlReader.EnvelopeOf(xml);
        return envelope?.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.LocalName == EdxmlNames.Header && e.NamespaceURI == EdxmlNames.Namespace);
    }

    /// <summary>Stands in for the key while SignedXml computes the SignedInfo digest, which is then signed asynchronously.</summary>
    private sealed class DigestCapture : RSA
    {
        private readonly RSA publicKey;

        public DigestCapture(RSA publicKey)
        {
            this.publicKey = publicKey;
            KeySizeValue = publicKey.KeySize;
            LegalKeySizesValue = [new KeySizes(publicKey.KeySize, publicKey.KeySize, 0)];
        }

        public byte[]? Digest { get; private set; }

        public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
        {
            if (hashAlgorithm != HashAlgorithmName.SHA256 || padding != RSASignaturePadding.Pkcs1)
            {
                throw new CryptographicException("Only RSA-SHA256 with PKCS#1 v1.5 padding is used for edXML.");
            }

            Digest = hash;
            return new byte[(KeySize + 7) / 8];
        }

        public override RSAParameters ExportParameters(bool includePrivateParameters) =>
            includePrivateParameters ? throw new CryptographicException("No private key here.") : publicKey.ExportParameters(false);

        public override void ImportParameters(RSAParameters parameters) => throw new NotSupportedException();
    }
}
