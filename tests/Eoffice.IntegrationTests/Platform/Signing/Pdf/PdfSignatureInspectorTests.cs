using Eoffice.Web.Platform.Signing;
using Eoffice.Web.Platform.Signing.Pdf;

namespace Eoffice.IntegrationTests.Platform.Signing.Pdf;

/// <summary>What the inspector says each later revision did to a signature: more signatures, a stamp, or a forgery.</summary>
public sealed class PdfSignatureInspectorTests
{
    private static readonly KeyHolderCmsSigner Leader = PdfSamples.Signer("Nguyễn Văn Đức");
    private static readonly KeyHolderCmsSigner Agency = PdfSamples.Signer("UBND Tỉnh Mẫu");

    private static async Task<IReadOnlyList<PdfSignatureInfo>> InspectAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        return await new PdfSignatureInspector().InspectAsync(stream, CancellationToken.None);
    }

    [Fact]
    public async Task A_second_signature_counts_as_signatures_only_for_the_first()
    {
        var input = PdfSigningTests.Save(PdfSamples.Classic(), "input.pdf");
        var first = await PdfSigningTests.SignAsync(input, new PdfSignatureOptions { Reason = "Phê duyệt" }, Leader, "one.pdf");
        var second = await PdfSigningTests.SignAsync(first, new PdfSignatureOptions(), Agency, "two.pdf");

        var signatures = await InspectAsync(second);

        Assert.Equal(2, signatures.Count);
        Assert.Equal(PdfLaterChanges.SignaturesOnly, signatures[0].LaterChanges);
        Assert.Equal(PdfLaterChanges.None, signatures[1].LaterChanges);
        Assert.Equal([1, 2], signatures.Select(s => s.RevisionIndex));
        Assert.Equal([false, true], signatures.Select(s => s.CoversWholeFile));
        Assert.All(signatures, s => Assert.True(s.ByteRangeWellFormed));
        Assert.Equal("Phê duyệt", signatures[0].Reason);
        var firstBytes = File.ReadAllBytes(first);
        var range = signatures[0].ByteRange;
        await using var stream = File.OpenRead(second);
        Assert.Equal(
            System.Security.Cryptography.SHA256.HashData([.. firstBytes[..(int)range[1]], .. firstBytes[(int)range[2]..]]),
            PdfSignatureInspector.ComputeDigest(stream, range));
    }

    [Fact]
    public async Task A_number_and_date_stamp_after_the_leader_signed_counts_as_annotations()
    {
        var input = PdfSigningTests.Save(PdfSamples.Classic("/AcroForm 7 0 R", "", "<<>>", "<</Fields[]>>"), "input.pdf");
        var signed = await PdfSigningTests.SignAsync(input, new PdfSignatureOptions(), Leader, "leader.pdf");
        var stamped = Path.Combine(Path.GetDirectoryName(signed)!, "stamped.pdf");
        await using (var source = File.OpenRead(signed))
        await using (var target = new FileStream(stamped, FileMode.Create, FileAccess.ReadWrite))
        {
            await new PdfStamper().StampAsync(source, target,
                [new PdfTextStamp(0, new PdfRectangle(80, 700, 200, 30), ["Số: 12/QĐ-UBND", "ngày 02/12/2026"])], CancellationToken.None);
        }

        var afterStamp = Assert.Single(await InspectAsync(stamped));
        Assert.Equal(PdfLaterChanges.AnnotationsOrStamps, afterStamp.LaterChanges);
        Assert.False(afterStamp.CoversWholeFile);
        PdfSamples.VerifyWithSignedCms(stamped);

        var sealedFile = await PdfSigningTests.SignAsync(stamped, new PdfSignatureOptions(), Agency, "sealed.pdf");
        var signatures = await InspectAsync(sealedFile);
        Assert.Equal([PdfLaterChanges.AnnotationsOrStamps, PdfLaterChanges.None], signatures.Select(s => s.LaterChanges));
    }

    [Fact]
    public async Task A_page_content_replaced_after_signing_counts_as_content_changed()
    {
        var input = PdfSigningTests.Save(PdfSamples.Classic(), "input.pdf");
        var signed = await PdfSigningTests.SignAsync(input, new PdfSignatureOptions(), Leader, "signed.pdf");
        PdfSamples.AppendContentChange(signed);

        var signature = Assert.Single(await InspectAsync(signed));

        Assert.Equal(PdfLaterChanges.ContentChanged, signature.LaterChanges);
        Assert.True(signature.ByteRangeWellFormed);
        Assert.Equal(1, signature.RevisionIndex);
        PdfSamples.VerifyWithSignedCms(signed);
    }

    [Fact]
    public async Task A_signature_in_an_xref_stream_file_ends_its_revision()
    {
        var input = PdfSigningTests.Save(PdfSamples.XrefStreamWithObjectStreams(), "input.pdf");
        var signed = await PdfSigningTests.SignAsync(input, new PdfSignatureOptions { FieldName = "Lãnh đạo" }, Leader, "signed.pdf");

        var signature = Assert.Single(await InspectAsync(signed));

        Assert.Equal("Lãnh đạo", signature.FieldName);
        Assert.Equal(1, signature.RevisionIndex);
        Assert.True(signature.CoversWholeFile);
        Assert.Equal(PdfLaterChanges.None, signature.LaterChanges);
    }

    [Fact]
    public async Task A_document_without_signatures_has_none()
    {
        var input = PdfSigningTests.Save(PdfSamples.PdfSharpVietnamese(), "input.pdf");

        Assert.Empty(await InspectAsync(input));
    }
}
