using System.Text;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Platform.Signing;
using Eoffice.Web.Platform.Signing.Pdf;

namespace Eoffice.IntegrationTests.Platform.Signing.Pdf;

/// <summary>Visible signatures and stamps, rendered by poppler: images land in their rectangle, text reads back exactly.</summary>
public sealed class PdfAppearanceTests
{
    private const double Scale = 50.0 / 72;
    private static readonly KeyHolderCmsSigner Leader = PdfSamples.Signer("Nguyễn Văn Đức");
    private static readonly KeyHolderCmsSigner Agency = PdfSamples.Signer("UBND Tỉnh Mẫu");

    [PopplerFact]
    public async Task The_blue_signature_and_the_red_seal_render_inside_their_rectangles()
    {
        var input = PdfSigningTests.Save(PdfSamples.PdfSharpVietnamese(), "decision.pdf");
        var signatureBox = new PdfRectangle(320, 300, 200, 100);
        var sealBox = PdfRectangle.FromTopLeft(80, 500, 150, 150, PdfSamples.PageHeight);
        var first = await PdfSigningTests.SignAsync(input, new PdfSignatureOptions
        {
            Appearance = new PdfSignatureAppearance(0, signatureBox) { Png = PdfSamples.Png(200, 100, 20, 40, 220) },
        }, Leader, "leader.pdf");
        var second = await PdfSigningTests.SignAsync(first, new PdfSignatureOptions
        {
            Appearance = new PdfSignatureAppearance(0, sealBox) { Png = PdfSamples.Png(120, 120, 220, 20, 30) },
        }, Agency, "agency.pdf");

        var page = Poppler.RenderFirstPage(second);

        Assert.True(Share(page, signatureBox, IsBlue) > 0.7, "the signature rectangle should be mostly blue");
        Assert.True(Share(page, sealBox, IsRed) > 0.7, "the seal rectangle should be mostly red");
        Assert.True(Share(page, new PdfRectangle(350, 100, 150, 100), IsWhite) > 0.99, "the page elsewhere should stay white");
        Assert.All(Poppler.Pdfsig(second), s => Assert.True(s.Valid, s.Validation));
    }

    [PopplerFact]
    public async Task Vietnamese_text_of_a_signature_and_a_stamp_reads_back_in_NFC_even_from_NFD_input()
    {
        string[] agencyLines = ["UBND TỈNH MẪU", "Số: 12/QĐ-UBND", "2026-12-02T09:30:00+07:00"];
        var input = PdfSigningTests.Save(PdfSamples.PdfSharpVietnamese(), "annex.pdf");
        var signed = await PdfSigningTests.SignAsync(input, new PdfSignatureOptions
        {
            Appearance = new PdfSignatureAppearance(0, PdfRectangle.FromTopLeft(380, 20, 200, 50, PdfSamples.PageHeight))
            {
                TextLines = [.. agencyLines.Select(l => l.Normalize(NormalizationForm.FormD))],
            },
        }, Agency, "signed.pdf");
        var stamped = Path.Combine(Path.GetDirectoryName(signed)!, "stamped.pdf");
        await using (var source = File.OpenRead(signed))
        await using (var target = new FileStream(stamped, FileMode.Create, FileAccess.ReadWrite))
        {
            await new PdfStamper().StampAsync(source, target,
                [new PdfTextStamp(0, new PdfRectangle(80, 600, 250, 20), ["Hà Nội, ngày 02 tháng 12 năm 2026".Normalize(NormalizationForm.FormD)])],
                CancellationToken.None);
        }

        var text = Poppler.PdfToText(stamped);

        Assert.All(agencyLines, line => Assert.Contains(line, text, StringComparison.Ordinal));
        Assert.Contains("Hà Nội, ngày 02 tháng 12 năm 2026", text, StringComparison.Ordinal);
        Assert.True(Assert.Single(Poppler.Pdfsig(stamped)).Valid);
    }

    [Fact]
    public async Task A_sixteen_bit_PNG_is_refused_with_a_clear_message()
    {
        var png = PdfSamples.Png(10, 10, 0, 0, 255);
        png[24] = 16;
        var input = PdfSigningTests.Save(PdfSamples.Classic(), "input.pdf");

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => PdfSigningTests.SignAsync(input, new PdfSignatureOptions
        {
            Appearance = new PdfSignatureAppearance(0, new PdfRectangle(10, 10, 50, 50)) { Png = png },
        }, Leader, "signed.pdf"));

        Assert.Contains("PNG 16 bit", refused.Message, StringComparison.Ordinal);
    }

    private static double Share((int Width, int Height, byte[] Rgb) page, PdfRectangle box, Func<byte, byte, byte, bool> test)
    {
        // Pixel rows count from the top; shrink by two pixels to stay clear of anti-aliased edges.
        var left = (int)Math.Ceiling(box.X * Scale) + 2;
        var right = (int)Math.Floor((box.X + box.Width) * Scale) - 2;
        var top = (int)Math.Ceiling((PdfSamples.PageHeight - box.Y - box.Height) * Scale) + 2;
        var bottom = (int)Math.Floor((PdfSamples.PageHeight - box.Y) * Scale) - 2;
        var hits = 0;
        var total = 0;
        for (var y = top; y < bottom; y++)
        {
            for (var x = left; x < right; x++)
            {
                var at = ((y * page.Width) + x) * 3;
                total++;
                if (test(page.Rgb[at], page.Rgb[at + 1], page.Rgb[at + 2]))
                {
                    hits++;
                }
            }
        }

        return total == 0 ? 0 : (double)hits / total;
    }

    private static bool IsBlue(byte r, byte g, byte b) => b > 150 && r < 100 && g < 100;

    private static bool IsRed(byte r, byte g, byte b) => r > 150 && g < 100 && b < 100;

    private static bool IsWhite(byte r, byte g, byte b) => r > 240 && g > 240 && b > 240;
}
