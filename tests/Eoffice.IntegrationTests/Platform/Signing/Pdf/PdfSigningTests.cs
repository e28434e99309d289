using System.Security.Cryptography;
using System.Text;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Platform.Signing;
using Eoffice.Web.Platform.Signing.Pdf;

namespace Eoffice.IntegrationTests.Platform.Signing.Pdf;

/// <summary>
/// Signing PDFs in incremental updates: poppler's pdfsig and SignedCms over the byte ranges are the independent
/// judges that every earlier signature stays valid, whatever the input's structure.
/// </summary>
public sealed class PdfSigningTests
{
    private static readonly KeyHolderCmsSigner Leader = PdfSamples.Signer("Nguyễn Văn Đức");
    private static readonly KeyHolderCmsSigner Agency = PdfSamples.Signer("UBND Tỉnh Mẫu");

    internal static async Task<string> SignAsync(string input, PdfSignatureOptions options, ICmsSigner signer, string name)
    {
        var output = Path.Combine(Path.GetDirectoryName(input)!, name);
        await using var source = File.OpenRead(input);
        await using var target = new FileStream(output, FileMode.Create, FileAccess.ReadWrite);
        await new PdfSigner().SignAsync(source, target, options, signer, CancellationToken.None);
        return output;
    }

    internal static string Save(byte[] pdf, string name)
    {
        var path = PdfSamples.TempFile(name);
        File.WriteAllBytes(path, pdf);
        return path;
    }

    [PopplerFact]
    public async Task A_Vietnamese_document_signed_by_the_leader_then_the_agency_keeps_both_signatures_valid()
    {
        var input = Save(PdfSamples.PdfSharpVietnamese(), "decision.pdf");
        var first = await SignAsync(input, new PdfSignatureOptions { Reason = "Phê duyệt", Location = "Hà Nội", Name = "Nguyễn Văn Đức" }, Leader, "leader.pdf");
        var second = await SignAsync(first, new PdfSignatureOptions { Reason = "Đóng dấu cơ quan" }, Agency, "agency.pdf");

        var signatures = Poppler.Pdfsig(second);

        Assert.Equal(2, signatures.Count);
        Assert.All(signatures, s => Assert.True(s.Valid, s.Validation));
        Assert.False(signatures[0].TotalDocumentSigned);
        Assert.True(signatures[1].TotalDocumentSigned);
        Assert.Equal(["Signature1", "Signature2"], signatures.Select(s => s.FieldName));
        PdfSamples.VerifyWithSignedCms(second);
    }

    [PopplerFact]
    public async Task A_file_indexed_by_an_xref_stream_with_object_streams_takes_two_valid_signatures()
    {
        var input = Save(PdfSamples.XrefStreamWithObjectStreams(), "xref-stream.pdf");
        var first = await SignAsync(input, new PdfSignatureOptions(), Leader, "one.pdf");
        var second = await SignAsync(first, new PdfSignatureOptions(), Agency, "two.pdf");

        var signatures = Poppler.Pdfsig(second);

        Assert.Equal(2, signatures.Count);
        Assert.All(signatures, s => Assert.True(s.Valid, s.Validation));
        PdfSamples.VerifyWithSignedCms(second);
    }

    [PopplerFact]
    public async Task A_direct_AcroForm_and_the_page_s_existing_annotations_are_kept()
    {
        var link = "<</Type/Annot/Subtype/Link/Rect[72 72 200 100]/Border[0 0 0]/A<</S/URI/URI(https://example.org/a b)>>>>";
        var input = Save(PdfSamples.Classic("/AcroForm<</Fields[]/DA(/Helv 0 Tf 0 g)>>", "/Annots[6 0 R]", link), "direct-form.pdf");
        var first = await SignAsync(input, new PdfSignatureOptions(), Leader, "one.pdf");
        var second = await SignAsync(first, new PdfSignatureOptions(), Agency, "two.pdf");

        var signatures = Poppler.Pdfsig(second);

        Assert.Equal(2, signatures.Count);
        Assert.All(signatures, s => Assert.True(s.Valid, s.Validation));
        await using var stream = File.OpenRead(second);
        var view = new PdfFileReader(stream).Latest;
        var annots = (PdfArray)view.Resolve(view.Pages()[0].Dictionary["Annots"])!;
        Assert.Equal(3, annots.Items.Count);
        Assert.Equal(6, ((PdfReference)annots.Items[0]).Number);
        Assert.Equal("(/Helv 0 Tf 0 g)", $"({Encoding.ASCII.GetString(((PdfString)view.AcroForm().Form!["DA"]!).Bytes)})");
    }

    [PopplerFact]
    public async Task An_indirect_annotation_array_is_extended_in_place()
    {
        var input = Save(PdfSamples.Classic("", "/Annots 6 0 R", "[7 0 R]", "<</Type/Annot/Subtype/Text/Rect[10 10 30 30]/Contents(ghi chú)>>"), "indirect-annots.pdf");
        var signed = await SignAsync(input, new PdfSignatureOptions(), Leader, "one.pdf");

        Assert.True(Assert.Single(Poppler.Pdfsig(signed)).Valid);
        await using var stream = File.OpenRead(signed);
        var view = new PdfFileReader(stream).Latest;
        Assert.IsType<PdfReference>(view.Pages()[0].Dictionary["Annots"]);
        Assert.Equal(2, ((PdfArray)view.GetObject(6)!).Items.Count);
    }

    [PopplerFact]
    public async Task Flipping_one_byte_of_the_first_revision_invalidates_every_signature()
    {
        var input = Save(PdfSamples.PdfSharpVietnamese(), "decision.pdf");
        var first = await SignAsync(input, new PdfSignatureOptions(), Leader, "leader.pdf");
        var second = await SignAsync(first, new PdfSignatureOptions(), Agency, "agency.pdf");
        var bytes = File.ReadAllBytes(second);
        var at = Encoding.Latin1.GetString(bytes).IndexOf("CreationDate", StringComparison.Ordinal);
        bytes[at + 20] ^= 0x01;
        File.WriteAllBytes(second, bytes);

        var signatures = Poppler.Pdfsig(second);

        Assert.Equal(2, signatures.Count);
        Assert.All(signatures, s => Assert.False(s.Valid, s.Validation));
        Assert.ThrowsAny<CryptographicException>(() => PdfSamples.VerifyWithSignedCms(second));
    }

    [Fact]
    public async Task Prepare_then_complete_gives_the_same_valid_signature_as_signing_at_once()
    {
        var input = Save(PdfSamples.Classic(), "input.pdf");
        var output = Path.Combine(Path.GetDirectoryName(input)!, "two-phase.pdf");
        var signer = new PdfSigner();
        PreparedPdfSignature prepared;
        await using (var source = File.OpenRead(input))
        await using (var target = new FileStream(output, FileMode.Create, FileAccess.ReadWrite))
        {
            prepared = await signer.PrepareAsync(source, target, new PdfSignatureOptions { Reason = "Ký từ xa" }, CancellationToken.None);
        }

        // The prepared signature is stored while the remote signer works: it must survive serialisation.
        var stored = System.Text.Json.JsonSerializer.Deserialize<PreparedPdfSignature>(System.Text.Json.JsonSerializer.Serialize(prepared))!;
        var cms = await Leader.SignAsync(new CmsSignatureRequest(stored.DocumentDigest, stored.SigningTime), CancellationToken.None);
        await using (var target = new FileStream(output, FileMode.Open, FileAccess.ReadWrite))
        {
            await signer.CompleteAsync(target, stored, cms.Der, CancellationToken.None);
            Assert.Equal(prepared.DocumentDigest, PdfSignatureInspector.ComputeDigest(target, prepared.ByteRange));
        }

        PdfSamples.VerifyWithSignedCms(output);
        await using var check = File.OpenRead(output);
        var signature = Assert.Single(await new PdfSignatureInspector().InspectAsync(check, CancellationToken.None));
        Assert.True(signature.ByteRangeWellFormed);
        Assert.Equal(cms.Der, signature.Cms);
        Assert.Equal("Ký từ xa", signature.Reason);
        Assert.Equal("ETSI.CAdES.detached", signature.SubFilter);
        Assert.Equal(TimeSpan.FromHours(7), signature.SigningTime!.Value.Offset);
    }

    [Fact]
    public async Task Preparing_the_same_file_at_the_same_time_again_gives_the_same_bytes_so_a_deferred_signature_can_rebuild_it()
    {
        var input = Save(PdfSamples.Classic(), "input.pdf");
        var at = new DateTimeOffset(2026, 12, 3, 9, 30, 0, TimeSpan.FromHours(7));
        async Task<byte[]> PrepareAt(DateTimeOffset time, string name)
        {
            var output = Path.Combine(Path.GetDirectoryName(input)!, name);
            await using (var source = File.OpenRead(input))
            await using (var target = new FileStream(output, FileMode.Create, FileAccess.ReadWrite))
            {
                await new PdfSigner(new ManualClock(time)).PrepareAsync(source, target, new PdfSignatureOptions { Reason = "Ký từ xa" }, CancellationToken.None);
            }

            return File.ReadAllBytes(output);
        }

        var first = await PrepareAt(at, "first.pdf");
        var again = await PrepareAt(at, "again.pdf");
        var later = await PrepareAt(at.AddSeconds(1), "later.pdf");

        Assert.Equal(first, again);
        Assert.NotEqual(TrailerIds(first), TrailerIds(later)); // the revision's /ID follows its content (here /M)
    }

    private static string TrailerIds(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var at = text.LastIndexOf("/ID", StringComparison.Ordinal);
        return text[at..text.IndexOf(']', at)];
    }

    [Fact]
    public async Task A_CMS_bigger_than_the_placeholder_is_refused()
    {
        var input = Save(PdfSamples.Classic(), "input.pdf");
        var output = Path.Combine(Path.GetDirectoryName(input)!, "small.pdf");
        var signer = new PdfSigner();
        await using var source = File.OpenRead(input);
        await using var target = new FileStream(output, FileMode.Create, FileAccess.ReadWrite);
        var prepared = await signer.PrepareAsync(source, target, new PdfSignatureOptions { PlaceholderSize = 1024 }, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<PdfSignatureTooLargeException>(
            () => signer.CompleteAsync(target, prepared, new byte[1025], CancellationToken.None));

        Assert.Equal(1025, refused.CmsSize);
        Assert.Contains("lớn hơn chỗ dành sẵn", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_name_already_in_the_document_is_refused()
    {
        var input = Save(PdfSamples.Classic(), "input.pdf");
        var signed = await SignAsync(input, new PdfSignatureOptions { FieldName = "LanhDao" }, Leader, "one.pdf");

        await Assert.ThrowsAsync<ArgumentException>(() => SignAsync(signed, new PdfSignatureOptions { FieldName = "LanhDao" }, Agency, "two.pdf"));
    }
}
