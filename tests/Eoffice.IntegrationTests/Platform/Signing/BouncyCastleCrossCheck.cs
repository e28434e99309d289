using Org.BouncyCastle.Cms;
using Org.BouncyCastle.X509;

namespace Eoffice.IntegrationTests.Platform.Signing;

/// <summary>
/// A second opinion on a CMS signature from BouncyCastle, an implementation independent of both .NET and our own
/// verifier: every signer's message digest and signature must hold, with the signer's certificate taken from the CMS.
/// Use <see cref="VerifiesContent"/> when the signed bytes are at hand, <see cref="VerifiesDigest"/> when only their
/// SHA-256 is (a PDF's byte ranges).
/// </summary>
public static class BouncyCastleCrossCheck
{
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";

    public static bool VerifiesContent(byte[] cms, byte[] content) =>
        Verifies(new CmsSignedData(new CmsProcessableByteArray(content), cms));

    public static bool VerifiesDigest(byte[] cms, byte[] sha256) =>
        Verifies(new CmsSignedData(new Dictionary<string, byte[]> { [Sha256Oid] = sha256 }, cms));

    private static bool Verifies(CmsSignedData signedData)
    {
        var certificates = signedData.GetCertificates();
        var signers = signedData.GetSignerInfos().GetSigners();
        if (signers.Count == 0)
        {
            return false;
        }

        foreach (var signer in signers)
        {
            var certificate = certificates.EnumerateMatches(signer.SignerID).FirstOrDefault();
            if (certificate is null || !VerifiesWith(signer, certificate))
            {
                return false;
            }
        }

        return true;
    }

    private static bool VerifiesWith(SignerInformation signer, X509Certificate certificate)
    {
        try
        {
            return signer.Verify(certificate);
        }
        catch (CmsException)
        {
            // BouncyCastle reports a message-digest mismatch by throwing.
            return false;
        }
    }
}
