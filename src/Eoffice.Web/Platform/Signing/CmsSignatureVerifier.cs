using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Eoffice.Web.Platform.Signing;

/// <summary>How far a signer's certificate can be trusted, worst first after <see cref="Trusted"/>.</summary>
public enum CertificateTrustStatus
{
    /// <summary>The chain ends at a configured anchor, was valid at the judged time and is not revoked.</summary>
    Trusted,

    /// <summary>The chain does not end at a configured anchor, or a certificate in it is malformed or badly signed.</summary>
    Untrusted,

    /// <summary>A certificate in the chain was outside its validity at the judged time (no valid time-stamp saved it).</summary>
    Expired,

    /// <summary>A certificate in the chain is on its issuer's revocation list.</summary>
    Revoked,

    /// <summary>The signer's key usage allows neither digitalSignature nor nonRepudiation.</summary>
    NotValidForSigning,

    /// <summary>Revocation was to be checked but no revocation list could be fetched or read.</summary>
    RevocationUnknown,
}

/// <summary>
/// What a signature is checked against: the trust anchors (root CAs, e.g. the national root of the Government CA), the
/// intermediates to help build chains, the time "now" (injected so tests and re-verification of archives can move it),
/// and whether revocation lists are fetched from the certificates' CRL distribution points.
/// </summary>
public sealed record TrustPolicy(IReadOnlyList<X509Certificate2> Anchors, DateTimeOffset Now)
{
    public IReadOnlyList<X509Certificate2> Intermediates { get; init; } = [];

    public bool CheckRevocation { get; init; }

    public TimeSpan RevocationTimeout { get; init; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// The verdict on one CMS signature: integrity (the bytes are the ones signed, by the key of the named certificate) and
/// trust (that certificate chains to an anchor, was valid at the time-stamp or now, is not revoked, may sign). Problem
/// texts are English, for logs; pages choose their Vietnamese wording from <see cref="TrustStatus"/> and
/// <see cref="IntegrityValid"/>.
/// </summary>
public sealed record CmsVerificationResult
{
    public required bool IntegrityValid { get; init; }

    public string? IntegrityProblem { get; init; }

    public required CertificateTrustStatus TrustStatus { get; init; }

    public X509Certificate2? SignerCertificate { get; init; }

    public string? SignerName { get; init; }

    public string? SignerOrganization { get; init; }

    /// <summary>The signer certificate's serial number, upper-case hex as printed on certificates.</summary>
    public string? SerialNumber { get; init; }

    public string? Issuer { get; init; }

    /// <summary>The signing-time the signer claimed (signed attribute); not proof of anything.</summary>
    public DateTimeOffset? SigningTime { get; init; }

    /// <summary>The time from a valid time-stamp token over the signature value, when there is one.</summary>
    public DateTimeOffset? TimestampTime { get; init; }

    /// <summary>Every problem found, one sentence each; null when the signature is fully valid.</summary>
    public string? Problem { get; init; }

    public bool IsValid => IntegrityValid && TrustStatus == CertificateTrustStatus.Trusted;
}

/// <summary>
/// Verifies a detached CAdES/PKCS#7 signature from the document digest alone (the PDF inspector hashes the byte ranges;
/// SignedCms would need the whole content): messageDigest, the signature over the signed attributes, the
/// signing-certificate binding, the RFC 3161 time-stamp over the signature value, and the certificate chain to the
/// policy's anchors, judged at the time-stamp time when a valid one is present so that a stamped signature outlives its
/// certificate. Written with System.Formats.Asn1 to read exactly the bytes that were signed.
/// </summary>
public sealed class CmsSignatureVerifier
{
    private const string SigningCertificateV1Oid = "1.2.840.113549.1.9.16.2.12";
    private const string Sha256WithRsaOid = "1.2.840.113549.1.1.11";
    private const string EcPublicKeyOid = "1.2.840.10045.2.1";
    private const string TimeStampingEkuOid = "1.3.6.1.5.5.7.3.8";
    private const string OrganizationOid = "2.5.4.10";

    public CmsVerificationResult Verify(byte[] cms, byte[] documentDigest, TrustPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(cms);
        ArgumentNullException.ThrowIfNull(documentDigest);
        ArgumentNullException.ThrowIfNull(policy);

        ParsedSignature parsed;
        try
        {
            parsed = ParsedSignature.Read(cms);
        }
        catch (Exception exception) when (exception is AsnContentException or CryptographicException or FormatException)
        {
            return Unreadable($"The signature is not a readable CMS SignedData: {exception.Message}");
        }

        var signer = parsed.FindSigner(policy.Intermediates);
        if (signer is null)
        {
            return Unreadable("The signer's certificate is not in the signature.") with { SigningTime = parsed.SigningTime };
        }

        var problems = new List<string>();
        var integrityProblem = CheckIntegrity(parsed, signer, documentDigest);
        if (integrityProblem is not null)
        {
            problems.Add(integrityProblem);
        }

        var timestampTime = CheckTimestamp(parsed, policy, problems);
        var (status, trustProblem) = CheckChain(signer, parsed.Certificates, policy, timestampTime ?? policy.Now);
        if (status is CertificateTrustStatus.Trusted or CertificateTrustStatus.RevocationUnknown && !MaySign(signer))
        {
            (status, trustProblem) = (CertificateTrustStatus.NotValidForSigning,
                "The signer's certificate is not meant for signatures (key usage lacks digitalSignature and nonRepudiation).");
        }

        if (trustProblem is not null)
        {
            problems.Add(trustProblem);
        }

        return new CmsVerificationResult
        {
            IntegrityValid = integrityProblem is null,
            IntegrityProblem = integrityProblem,
            TrustStatus = status,
            SignerCertificate = signer,
            SignerName = signer.GetNameInfo(X509NameType.SimpleName, forIssuer: false),
            SignerOrganization = signer.SubjectName.EnumerateRelativeDistinguishedNames()
                .FirstOrDefault(r => r.GetSingleElementType().Value == OrganizationOid)?.GetSingleElementValue(),
            SerialNumber = signer.SerialNumber,
            Issuer = signer.Issuer,
            SigningTime = parsed.SigningTime,
            TimestampTime = timestampTime,
            Problem = problems.Count == 0 ? null : string.Join(" ", problems),
        };
    }

    private static CmsVerificationResult Unreadable(string problem) => new()
    {
        IntegrityValid = false,
        IntegrityProblem = problem,
        TrustStatus = CertificateTrustStatus.Untrusted,
        Problem = problem,
    };

    private static string? CheckIntegrity(ParsedSignature parsed, X509Certificate2 signer, byte[] documentDigest)
    {
        if (parsed.DigestAlgorithm != CadesSignedData.Sha256Oid)
        {
            return $"The signature uses digest algorithm {parsed.DigestAlgorithm}; only SHA-256 is accepted.";
        }

        byte[] hashToVerify;
        if (parsed.SignedAttributes is null)
        {
            hashToVerify = documentDigest;
        }
        else
        {
            if (parsed.MessageDigest is null)
            {
                return "The signed attributes carry no message digest.";
            }

            if (!parsed.MessageDigest.AsSpan().SequenceEqual(documentDigest))
            {
                return "The document was changed after signing: its digest differs from the signed message digest.";
            }

            hashToVerify = SHA256.HashData(parsed.SignedAttributes);
        }

        var signatureValid = parsed.SignatureAlgorithm switch
        {
            CadesSignedData.RsaEncryptionOid or Sha256WithRsaOid => signer.GetRSAPublicKey() is { } rsa
                && Released(rsa, rsa.VerifyHash(hashToVerify, parsed.SignatureValue, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)),
            CadesSignedData.EcdsaWithSha256Oid or EcPublicKeyOid => signer.GetECDsaPublicKey() is { } ecdsa
                && Released(ecdsa, ecdsa.VerifyHash(hashToVerify, parsed.SignatureValue, DSASignatureFormat.Rfc3279DerSequence)),
            _ => (bool?)null,
        };
        if (signatureValid is null)
        {
            return $"The signature algorithm {parsed.SignatureAlgorithm} is not supported.";
        }

        if (signatureValid == false)
        {
            return "The signature value does not match the signed attributes and the signer's public key.";
        }

        if (parsed.SigningCertificateHash is { } binding
            && !binding.Hash.AsSpan().SequenceEqual(HashCertificate(signer, binding.Algorithm)))
        {
            return "The signing-certificate attribute names a different certificate than the one that signed.";
        }

        return null;
    }

    private static DateTimeOffset? CheckTimestamp(ParsedSignature parsed, TrustPolicy policy, List<string> problems)
    {
        if (parsed.TimestampToken is null)
        {
            return null;
        }

        if (!Rfc3161TimestampToken.TryDecode(parsed.TimestampToken, out var token, out _))
        {
            problems.Add("The time-stamp token cannot be read; it was ignored.");
            return null;
        }

        var tokenCertificates = token.AsSignedCms().Certificates;
        var candidates = new X509Certificate2Collection(policy.Intermediates.Concat(parsed.Certificates).ToArray());
        if (!token.VerifySignatureForData(parsed.SignatureValue, out var tsa, candidates) || tsa is null)
        {
            problems.Add("The time-stamp token does not cover this signature or its own signature is invalid; it was ignored.");
            return null;
        }

        var time = token.TokenInfo.Timestamp;
        var eku = tsa.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault();
        if (eku is null || !eku.EnhancedKeyUsages.Cast<Oid>().Any(o => o.Value == TimeStampingEkuOid))
        {
            problems.Add($"The time-stamp was issued by '{tsa.Subject}', which is not a time-stamping authority; it was ignored.");
            return null;
        }

        var (status, problem) = CheckChain(tsa, [.. tokenCertificates, .. parsed.Certificates], policy, time);
        if (status != CertificateTrustStatus.Trusted)
        {
            problems.Add($"The time-stamping authority is not trusted ({problem}); the time-stamp was ignored.");
            return null;
        }

        return time;
    }

    private static (CertificateTrustStatus Status, string? Problem) CheckChain(X509Certificate2 certificate,
        IEnumerable<X509Certificate2> carried, TrustPolicy policy, DateTimeOffset at)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(policy.Anchors.ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(carried.Concat(policy.Intermediates).ToArray());
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        chain.ChainPolicy.RevocationMode = policy.CheckRevocation ? X509RevocationMode.Online : X509RevocationMode.NoCheck;
        chain.ChainPolicy.RevocationFlag = X509RevocationFlag.ExcludeRoot;
        chain.ChainPolicy.UrlRetrievalTimeout = policy.RevocationTimeout;
        // Intermediates come from the signature and the policy; fetching them from AIA URLs in a signature is not wanted.
        chain.ChainPolicy.DisableCertificateDownloads = true;
        try
        {
            chain.Build(certificate);
            var flags = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
            var detail = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());
            var when = $"{at.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC";
            const X509ChainStatusFlags broken = X509ChainStatusFlags.NotSignatureValid | X509ChainStatusFlags.Cyclic
                | X509ChainStatusFlags.InvalidBasicConstraints | X509ChainStatusFlags.InvalidExtension
                | X509ChainStatusFlags.HasNotSupportedCriticalExtension | X509ChainStatusFlags.InvalidNameConstraints
                | X509ChainStatusFlags.InvalidPolicyConstraints | X509ChainStatusFlags.ExplicitDistrust;
            const X509ChainStatusFlags unknownRevocation = X509ChainStatusFlags.RevocationStatusUnknown | X509ChainStatusFlags.OfflineRevocation;
            const X509ChainStatusFlags understood = X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain
                | X509ChainStatusFlags.Revoked | X509ChainStatusFlags.NotTimeValid | X509ChainStatusFlags.NotTimeNested
                | X509ChainStatusFlags.NotValidForUsage | unknownRevocation;
            return flags switch
            {
                X509ChainStatusFlags.NoError => (CertificateTrustStatus.Trusted, null),
                _ when (flags & broken) != 0 || (flags & ~(understood | broken)) != 0 =>
                    (CertificateTrustStatus.Untrusted, $"The certificate chain of '{certificate.Subject}' is invalid: {detail}."),
                _ when (flags & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain)) != 0 =>
                    (CertificateTrustStatus.Untrusted, $"'{certificate.Subject}' does not chain to a trusted root ({detail})."),
                _ when flags.HasFlag(X509ChainStatusFlags.Revoked) =>
                    (CertificateTrustStatus.Revoked, $"The certificate '{certificate.Subject}' or one of its issuers is revoked."),
                _ when flags.HasFlag(X509ChainStatusFlags.NotTimeValid) =>
                    (CertificateTrustStatus.Expired, $"The certificate '{certificate.Subject}' or one of its issuers was not valid at {when}."),
                _ when flags.HasFlag(X509ChainStatusFlags.NotValidForUsage) =>
                    (CertificateTrustStatus.NotValidForSigning, $"The certificate '{certificate.Subject}' is not valid for this use ({detail})."),
                _ when (flags & unknownRevocation) != 0 =>
                    (CertificateTrustStatus.RevocationUnknown, $"The revocation status of '{certificate.Subject}' could not be checked ({detail})."),
                _ => (CertificateTrustStatus.Trusted, null),
            };
        }
        finally
        {
            foreach (var element in chain.ChainElements)
            {
                element.Certificate.Dispose();
            }
        }
    }

    private static bool MaySign(X509Certificate2 certificate)
    {
        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        return usage is null
            || (usage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) != 0;
    }

    private static byte[] HashCertificate(X509Certificate2 certificate, string algorithm) => algorithm switch
    {
        "1.3.14.3.2.26" => SHA1.HashData(certificate.RawData),
        CadesSignedData.Sha256Oid => SHA256.HashData(certificate.RawData),
        "2.16.840.1.101.3.4.2.2" => SHA384.HashData(certificate.RawData),
        "2.16.840.1.101.3.4.2.3" => SHA512.HashData(certificate.RawData),
        _ => [],
    };

    private static bool Released(IDisposable key, bool result)
    {
        key.Dispose();
        return result;
    }

    /// <summary>The parts of a SignedData's first SignerInfo that verification needs, read as encoded.</summary>
    private sealed class ParsedSignature
    {
        public required List<X509Certificate2> Certificates { get; init; }

        public required byte[]? SignerIssuer { get; init; }

        public required byte[]? SignerSerial { get; init; }

        public required byte[]? SignerKeyIdentifier { get; init; }

        public required string DigestAlgorithm { get; init; }

        /// <summary>The signed attributes re-tagged as the universal SET they were signed as.</summary>
        public byte[]? SignedAttributes { get; init; }

        public required string SignatureAlgorithm { get; init; }

        public required byte[] SignatureValue { get; init; }

        public byte[]? MessageDigest { get; private set; }

        public DateTimeOffset? SigningTime { get; private set; }

        public (string Algorithm, byte[] Hash)? SigningCertificateHash { get; private set; }

        public byte[]? TimestampToken { get; private set; }

        public static ParsedSignature Read(byte[] cms)
        {
            var contentInfo = new AsnReader(cms, AsnEncodingRules.BER).ReadSequence();
            var contentType = contentInfo.ReadObjectIdentifier();
            if (contentType != CadesSignedData.SignedDataOid)
            {
                throw new FormatException($"content type {contentType} is not SignedData");
            }

            var signedData = contentInfo.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadSequence();
            signedData.ReadInteger();
            signedData.ReadSetOf(skipSortOrderValidation: true);
            signedData.ReadSequence();
            var certificates = new List<X509Certificate2>();
            if (signedData.PeekTag() == new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true))
            {
                var set = signedData.ReadSetOf(skipSortOrderValidation: true, new Asn1Tag(TagClass.ContextSpecific, 0));
                while (set.HasData)
                {
                    var isCertificate = set.PeekTag() == Asn1Tag.Sequence;
                    var encoded = set.ReadEncodedValue();
                    if (isCertificate)
                    {
                        certificates.Add(X509CertificateLoader.LoadCertificate(encoded.Span));
                    }
                }
            }

            if (signedData.PeekTag() == new Asn1Tag(TagClass.ContextSpecific, 1, isConstructed: true))
            {
                signedData.ReadEncodedValue();
            }

            var signerInfo = signedData.ReadSetOf(skipSortOrderValidation: true).ReadSequence();
            signerInfo.ReadInteger();
            byte[]? issuer = null, serial = null, keyIdentifier = null;
            if (signerInfo.PeekTag() == Asn1Tag.Sequence)
            {
                var issuerAndSerial = signerInfo.ReadSequence();
                issuer = issuerAndSerial.ReadEncodedValue().ToArray();
                serial = issuerAndSerial.ReadIntegerBytes().ToArray();
            }
            else
            {
                keyIdentifier = signerInfo.ReadOctetString(new Asn1Tag(TagClass.ContextSpecific, 0));
            }

            var digestAlgorithm = signerInfo.ReadSequence().ReadObjectIdentifier();
            byte[]? signedAttributes = null;
            if (signerInfo.PeekTag() == new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true))
            {
                // Signed as DER SET OF (tag 0x31), embedded as [0] IMPLICIT: same bytes, first one changed back.
                signedAttributes = signerInfo.ReadEncodedValue().ToArray();
                signedAttributes[0] = 0x31;
            }

            var signatureAlgorithm = signerInfo.ReadSequence().ReadObjectIdentifier();
            var parsed = new ParsedSignature
            {
                Certificates = certificates,
                SignerIssuer = issuer,
                SignerSerial = serial,
                SignerKeyIdentifier = keyIdentifier,
                DigestAlgorithm = digestAlgorithm,
                SignedAttributes = signedAttributes,
                SignatureAlgorithm = signatureAlgorithm,
                SignatureValue = signerInfo.ReadOctetString(),
            };
            if (signedAttributes is not null)
            {
                parsed.ReadSignedAttributes(signedAttributes);
            }

            if (signerInfo.HasData && signerInfo.PeekTag() == new Asn1Tag(TagClass.ContextSpecific, 1, isConstructed: true))
            {
                foreach (var (oid, value) in ReadAttributes(signerInfo.ReadSetOf(skipSortOrderValidation: true, new Asn1Tag(TagClass.ContextSpecific, 1))))
                {
                    if (oid == CadesSignedData.TimestampTokenOid)
                    {
                        parsed.TimestampToken ??= value;
                    }
                }
            }

            return parsed;
        }

        public X509Certificate2? FindSigner(IReadOnlyList<X509Certificate2> extra) =>
            Certificates.Concat(extra).FirstOrDefault(c => SignerKeyIdentifier is null
                ? c.IssuerName.RawData.AsSpan().SequenceEqual(SignerIssuer) && c.SerialNumberBytes.Span.SequenceEqual(SignerSerial)
                : c.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault() is { } ski
                    && ski.SubjectKeyIdentifierBytes.Span.SequenceEqual(SignerKeyIdentifier));

        private void ReadSignedAttributes(byte[] attributes)
        {
            foreach (var (oid, value) in ReadAttributes(new AsnReader(attributes, AsnEncodingRules.BER).ReadSetOf(skipSortOrderValidation: true)))
            {
                var reader = new AsnReader(value, AsnEncodingRules.BER);
                switch (oid)
                {
                    case CadesSignedData.MessageDigestOid:
                        MessageDigest = reader.ReadOctetString();
                        break;
                    case CadesSignedData.SigningTimeOid:
                        SigningTime = reader.PeekTag() == Asn1Tag.UtcTime ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();
                        break;
                    case CadesSignedData.SigningCertificateV2Oid:
                        SigningCertificateHash = ReadEssCertId(reader, CadesSignedData.Sha256Oid);
                        break;
                    case SigningCertificateV1Oid:
                        SigningCertificateHash ??= ReadEssCertId(reader, defaultAlgorithm: "1.3.14.3.2.26");
                        break;
                }
            }
        }

        /// <summary>SigningCertificate(V2) ::= SEQUENCE { certs SEQUENCE OF ESSCertID(v2), … }: the first, the signer's.</summary>
        private static (string, byte[]) ReadEssCertId(AsnReader reader, string defaultAlgorithm)
        {
            var certId = reader.ReadSequence().ReadSequence().ReadSequence();
            var algorithm = certId.PeekTag() == Asn1Tag.Sequence ? certId.ReadSequence().ReadObjectIdentifier() : defaultAlgorithm;
            return (algorithm, certId.ReadOctetString());
        }

        private static IEnumerable<(string Oid, byte[] FirstValue)> ReadAttributes(AsnReader set)
        {
            while (set.HasData)
            {
                var attribute = set.ReadSequence();
                var oid = attribute.ReadObjectIdentifier();
                var values = attribute.ReadSetOf(skipSortOrderValidation: true);
                yield return (oid, values.ReadEncodedValue().ToArray());
            }
        }
    }
}
