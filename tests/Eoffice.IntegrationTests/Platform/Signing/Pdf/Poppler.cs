using System.Diagnostics;
using System.Text.RegularExpressions;
using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Platform.Signing.Pdf;

namespace Eoffice.IntegrationTests.Platform.Signing.Pdf;

/// <summary>What pdfsig -nocert says about one signature.</summary>
public sealed record PdfsigSignature(string FieldName, bool Valid, bool TotalDocumentSigned, string Validation);

/// <summary>
/// Runs poppler's programs from EOFFICE_TEST_POPPLER. pdfsig's exit code is 0 even when a signature is invalid (2 only
/// when there is none), so its text is parsed per "Signature #n:" block instead.
/// </summary>
public static partial class Poppler
{
    public static IReadOnlyList<PdfsigSignature> Pdfsig(string pdf)
    {
        var output = Run("pdfsig", "-nocert", pdf);
        var result = new List<PdfsigSignature>();
        foreach (var block in SignatureBlock().Split(output).Skip(1))
        {
            var field = FieldName().Match(block).Groups[1].Value.Trim();
            var validation = Validation().Match(block).Groups[1].Value.Trim();
            result.Add(new PdfsigSignature(field, validation.StartsWith("Signature is Valid", StringComparison.Ordinal),
                block.Contains("- Total document signed", StringComparison.Ordinal), validation));
        }

        return result;
    }

    public static string PdfToText(string pdf) => Run("pdftotext", "-enc", "UTF-8", pdf, "-");

    /// <summary>Renders the first page at 50 dpi and decodes the PNG (8-bit RGB) pdftoppm writes.</summary>
    public static (int Width, int Height, byte[] Rgb) RenderFirstPage(string pdf)
    {
        var prefix = Path.Combine(Path.GetDirectoryName(pdf)!, Path.GetFileNameWithoutExtension(pdf) + "-render");
        Run("pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, prefix);
        var image = PngImage.Decode(File.ReadAllBytes(prefix + ".png"));
        Assert.True(image.IsRgb, "pdftoppm should write an RGB PNG");
        return (image.Width, image.Height, image.Color);
    }

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(PopplerFactDiscoverer.Folder!, program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return stdout.Result + stderr.Result;
    }

    [GeneratedRegex(@"^Signature #\d+:", RegexOptions.Multiline)]
    private static partial Regex SignatureBlock();

    [GeneratedRegex(@"Signature Field Name: (.*)")]
    private static partial Regex FieldName();

    [GeneratedRegex(@"Signature Validation: (.*)")]
    private static partial Regex Validation();
}
