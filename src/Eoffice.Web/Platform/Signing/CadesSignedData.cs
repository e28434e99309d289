using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Eoffice.Web.Platform.Signing;

/// <summary>
/// Builds a CAdES-BES detached SignedData from a document digest, in two phases so that the private key may sit
/// anywhere (server, token, a phone behind a remote service, a local agent): <see cref="Prepare"/> makes the signed
/// attributes (content-type, signing-time, message-digest, signing-certificate-v2) whose SHA-256 the key holder signs;
/// <see cref="Assemble"/> wraps that signature value, the certificates and an optional time-stamp token into the
/// ContentInfo. Written with System.Formats.Asn1 because SignedCms needs the whole content in memory and cannot take a
/// signature made elsewhere.
/// </summary>
public static class CadesSignedData
{
    public const string Sha256Oid = "2.16.840.1.101.3.4.2.1";
    public const string RsaEncryptionOid = "1.2.840.113549.1.1.1";
    public const string EcdsaWithSha256Oid = "1.2.840.10045.4.3.2";
    public const string DataOid = "1.2.840.113549.1.7.1";
    public const string SignedDataOid = "1.2.840.113549.1.7.2";
    public const string ContentTypeOid = "1.2.840.113549.1.9.3";
    public const string MessageDigestOid = "1.2.840.113549.1.9.4";
    public const string SigningTimeOid = "1.2.840.113549.1.9.5";
    public const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";
    public const string TimestampTokenOid = "1.2.840.113549.1.9.16.2.14";

    /// <summary>Phase one: the signed attributes for this digest, certificate and time.</summary>
    public static PreparedCms Prepare(byte[] documentDigest, X509Certificate2 certificate,
        IReadOnlyList<X509Certificate2> chain, DateTimeOffset signingTime)
    {
        ArgumentNullException.ThrowIfNull(documentDigest);
        ArgumentNullException.ThrowIfNull(certificate);
        if (documentDigest.Length != 32)
        {
            throw new ArgumentException("The document digest must be a SHA-256 hash (32 bytes).", nameof(documentDigest));
        }

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSetOf())
        {
            WriteAttribute(writer, ContentTypeOid, w => w.WriteObjectIdentifier(DataOid));
            WriteAttribute(writer, SigningTimeOid, w => w.WriteUtcTime(signingTime.ToUniversalTime()));
            WriteAttribute(writer, MessageDigestOid, w => w.WriteOctetString(documentDigest));
            WriteAttribute(writer, SigningCertificateV2Oid, w => WriteSigningCertificateV2(w, certificate));
        }

        var attributes = writer.Encode();
        return new PreparedCms(attributes, SHA256.HashData(attributes), certificate, [.. chain], signingTime);
    }

    /// <summary>Phase two: the ContentInfo around the signature value the key holder made over <see cref="PreparedCms.HashToSign"/>.</summary>
    public static byte[] Assemble(PreparedCms prepared, byte[] signatureValue, byte[]? timestampToken = null)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(signatureValue);
        var certificate = prepared.Certificate;
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(SignedDataOid);
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
            using (writer.PushSequence())
            {
                writer.WriteInteger(1);
                using (writer.PushSetOf())
                {
                    WriteAlgorithm(writer, Sha256Oid, withNullParameters: false);
                }

                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(DataOid);
                }

                using (writer.PushSetOf(new Asn1Tag(TagClass.ContextSpecific, 0)))
                {
                    writer.WriteEncodedValue(certificate.RawData);
                    foreach (var extra in prepared.Chain.Where(c => !c.RawData.AsSpan().SequenceEqual(certificate.RawData)))
                    {
                        writer.WriteEncodedValue(extra.RawData);
                    }
                }

                using (writer.PushSetOf())
                using (writer.PushSequence())
                {
                    writer.WriteInteger(1);
                    WriteIssuerAndSerial(writer, certificate);
                    WriteAlgorithm(writer, Sha256Oid, withNullParameters: false);
                    // The signed attributes are signed as a universal SET (tag 0x31) and embedded as [0] IMPLICIT:
                    // the same bytes with the first one changed.
                    var implicitAttributes = (byte[])prepared.SignedAttributes.Clone();
                    implicitAttributes[0] = 0xA0;
                    writer.WriteEncodedValue(implicitAttributes);
                    if (IsEc(certificate))
                    {
                        WriteAlgorithm(writer, EcdsaWithSha256Oid, withNullParameters: false);
                    }
                    else
                    {
                        WriteAlgorithm(writer, RsaEncryptionOid, withNullParameters: true);
                    }

                    writer.WriteOctetString(signatureValue);
                    if (timestampToken is { Length: > 0 })
                    {
                        using (writer.PushSetOf(new Asn1Tag(TagClass.ContextSpecific, 1)))
                        {
                            WriteAttribute(writer, TimestampTokenOid, w => w.WriteEncodedValue(timestampToken));
                        }
                    }
                }
            }
        }

        return writer.Encode();
    }

    /// <summary>Signs the prepared attributes with a private key in this process (PKCS#12, tests).</summary>
    public static byte[] SignHash(AsymmetricAlgorithm key, byte[] sha256) => key switch
    {
        RSA rsa => rsa.SignHash(sha256, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        ECDsa ecdsa => ecdsa.SignHash(sha256, DSASignatureFormat.Rfc3279DerSequence),
        _ => throw new NotSupportedException($"Keys of type {key.GetType().Name} cannot sign."),
    };

    public static bool IsEc(X509Certificate2 certificate) =>
        certificate.PublicKey.Oid.Value == "1.2.840.10045.2.1";

    private static void WriteSigningCertificateV2(AsnWriter writer, X509Certificate2 certificate)
    {
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            // ESSCertIDv2: hashAlgorithm is omitted because SHA-256 is its DEFAULT (DER forbids writing a default).
            writer.WriteOctetString(SHA256.HashData(certificate.RawData));
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
                {
                    writer.WriteEncodedValue(certificate.IssuerName.RawData);
                }

                writer.WriteInteger(certificate.SerialNumberBytes.Span);
            }
        }
    }

    private static void WriteIssuerAndSerial(AsnWriter writer, X509Certificate2 certificate)
    {
        using (writer.PushSequence())
        {
            writer.WriteEncodedValue(certificate.IssuerName.RawData);
            writer.WriteInteger(certificate.SerialNumberBytes.Span);
        }
    }

    private static void WriteAlgorithm(AsnWriter writer, string oid, bool withNullParameters)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            if (withNullParameters)
            {
                writer.WriteNull();
            }
        }
    }

    private static void WriteAttribute(AsnWriter writer, string oid, Action<AsnWriter> writeValue)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            using (writer.PushSetOf())
            {
                writeValue(writer);
            }
        }
    }
}

/// <summary>The first phase of a CMS signature: the signed attributes (DER SET) and the SHA-256 the key must sign.</summary>
public sealed record PreparedCms(
    byte[] SignedAttributes,
    byte[] HashToSign,
    X509Certificate2 Certificate,
    IReadOnlyList<X509Certificate2> Chain,
    DateTimeOffset SigningTime);
