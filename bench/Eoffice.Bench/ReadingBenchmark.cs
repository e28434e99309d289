using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Eoffice.IntegrationTests.Documents.Reading;
using Eoffice.Web.Modules.Documents.Registers.Reading;
using Eoffice.Web.Platform.Text;
using SkiaSharp;

namespace Eoffice.Bench;

/// <summary>
/// The reading of incoming documents on scans: each corpus document rendered as an A4 page in the Decree 30 layout
/// (Liberation Serif, Times-metric) — clean at 300 dpi, and degraded at 200 dpi (rotated about 1°, blurred, speckled,
/// grey paper) — read by tesseract (<c>tesseract page.png - -l vie</c>, one thread per process, N processes), then by
/// <see cref="IncomingReader"/>; prints the accuracy of each field for both sets and the OCR pages per second.
/// </summary>
public static class ReadingBenchmark
{
    public sealed record Settings(int Documents, int Workers, string? Keep);

    private static readonly string[] Fields = ["number", "symbol", "date", "organ", "type", "subject", "signer", "urgency"];

    public static async Task<int> RunAsync(Settings settings)
    {
        var folder = settings.Keep ?? Path.Combine(Path.GetTempPath(), "eoffice-reading-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var documents = ReadingCorpus.Documents(settings.Documents);
        Console.WriteLine($"Reading benchmark: {documents.Count} documents, {settings.Workers} tesseract workers, pages in {folder}");

        foreach (var degraded in new[] { false, true })
        {
            var pages = new List<(CorpusDocument Document, string Path)>();
            for (var i = 0; i < documents.Count; i++)
            {
                var document = documents[i];
                var path = Path.Combine(folder, $"{document.Id}-{(degraded ? "200dpi-degraded" : "300dpi")}.png");
                Render(document, path, degraded ? 200 : 300, degraded, seed: i); // the same degradation every run
                pages.Add((document, path));
            }

            var texts = new ConcurrentDictionary<string, string>();
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(pages, new ParallelOptions { MaxDegreeOfParallelism = settings.Workers }, async (page, ct) =>
                texts[page.Path] = await OcrAsync(page.Path, ct));
            clock.Stop();

            var correct = Fields.ToDictionary(f => f, _ => 0);
            var failures = new List<string>();
            foreach (var (document, path) in pages)
            {
                var proposal = IncomingReader.Propose(texts[path], ReadingCorpus.Directory);
                File.WriteAllText(Path.ChangeExtension(path, ".txt"), texts[path]);
                foreach (var (field, ok) in Check(document.Expected, proposal))
                {
                    if (ok)
                    {
                        correct[field]++;
                    }
                    else
                    {
                        failures.Add($"{document.Id} {field}");
                    }
                }
            }

            var label = degraded ? "degraded 200 dpi" : "clean 300 dpi";
            Console.WriteLine();
            Console.WriteLine($"{label}: OCR {pages.Count} pages in {clock.Elapsed.TotalSeconds:0.0} s = {pages.Count / clock.Elapsed.TotalSeconds:0.00} pages/s");
            Console.WriteLine("| field | " + string.Join(" | ", Fields) + " |");
            Console.WriteLine("|---|" + string.Concat(Fields.Select(_ => "---|")));
            Console.WriteLine($"| {label} | " + string.Join(" | ", Fields.Select(f => string.Create(CultureInfo.InvariantCulture, $"{100.0 * correct[f] / pages.Count:0.0} %"))) + " |");
            if (failures.Count > 0)
            {
                Console.WriteLine("misread: " + string.Join(", ", failures));
            }
        }

        if (settings.Keep is null)
        {
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    private static IEnumerable<(string Field, bool Ok)> Check(ExpectedFields expected, IncomingProposal proposal)
    {
        static bool Same(string? a, string? b) => VietnameseText.Fold(a) == VietnameseText.Fold(b);
        yield return ("number", expected.Number == proposal.Number?.Value);
        yield return ("symbol", expected.Symbol == proposal.Symbol?.Value);
        yield return ("date", expected.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == proposal.DocumentDate?.Value);
        yield return ("organ", expected.OrganInDirectory
            ? ReadingCorpus.Directory.Single(o => o.Name == expected.OrganName).Id == proposal.IssuingOrgan?.OrganId
            : proposal.IssuingOrgan is { OrganId: null } free && Same(free.Name, expected.OrganName));
        yield return ("type", expected.TypeCode == proposal.DocumentType?.Value);
        yield return ("subject", Same(expected.Subject, proposal.Subject?.Value));
        yield return ("signer", Same(expected.SignerName, proposal.SignerName?.Value) && Same(expected.SignerPosition, proposal.SignerPosition?.Value));
        yield return ("urgency", expected.Urgency == proposal.Urgency?.Value);
    }

    private static async Task<string> OcrAsync(string path, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("tesseract") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { path, "-", "-l", "vie" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["OMP_THREAD_LIMIT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        _ = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return await output;
    }

    private const string FontFolder = "/usr/share/fonts/truetype/liberation2/";

    /// <summary>Draws the document on an A4 page at <paramref name="dpi"/> and writes a PNG; degraded like a poor office scanner.</summary>
    public static void Render(CorpusDocument document, string path, int dpi, bool degraded, int seed)
    {
        var mm = dpi / 25.4f;
        var width = (int)(210 * mm);
        var height = (int)(297 * mm);
        using var regular = SKTypeface.FromFile(FontFolder + "LiberationSerif-Regular.ttf");
        using var bold = SKTypeface.FromFile(FontFolder + "LiberationSerif-Bold.ttf");
        using var italic = SKTypeface.FromFile(FontFolder + "LiberationSerif-Italic.ttf");
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            float Pt(float points) => points / 72f * dpi;

            float Line(string text, float x, float y, SKTypeface face, float size, SKTextAlign align, float maxWidth)
            {
                using var font = new SKFont(face, Pt(size));
                var measured = font.MeasureText(text);
                if (measured > maxWidth)
                {
                    font.Size *= maxWidth / measured;
                }

                canvas.DrawText(text, x, y, align, font, ink);
                return Math.Min(measured, maxWidth);
            }

            var leftCenter = 62 * mm;
            var rightCenter = 145 * mm;
            var y = 22 * mm;
            var step = Pt(15);
            for (var i = 0; i < Math.Max(document.HeaderLeft.Count, document.HeaderRight.Count); i++)
            {
                if (i < document.HeaderLeft.Count && document.HeaderLeft[i].Length > 0)
                {
                    var text = document.HeaderLeft[i];
                    var face = i == document.HeaderLeft.TakeWhile(l => l.Length > 0).Count() - 1 ? bold : regular;
                    Line(text, leftCenter, y, text.StartsWith("Số", StringComparison.Ordinal) || text.StartsWith("V/v", StringComparison.Ordinal) ? regular : face,
                        text.StartsWith("V/v", StringComparison.Ordinal) ? 12 : 13, SKTextAlign.Center, 70 * mm);
                }

                if (i < document.HeaderRight.Count && document.HeaderRight[i].Length > 0)
                {
                    var text = document.HeaderRight[i];
                    Line(text, rightCenter, y, i < 2 ? bold : italic, i == 0 ? 12.5f : 13.5f, SKTextAlign.Center, 95 * mm);
                }

                y += step;
            }

            y += step;
            if (document.UrgencyMark is { } mark)
            {
                // The stamp: the mark in bold capitals in a frame, at the left under the number (Decree 30 Phụ lục I, ô 10b).
                var markWidth = Line(mark, 35 * mm, y, bold, 14, SKTextAlign.Left, 60 * mm);
                using var frame = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Stroke, StrokeWidth = Pt(0.8f), IsAntialias = true };
                canvas.DrawRect(32 * mm, y - Pt(14) - (1.5f * mm), markWidth + (6 * mm), Pt(14) + (3.5f * mm), frame);
                y += step * 1.8f;
            }

            for (var i = 0; i < document.Title.Count; i++)
            {
                Line(document.Title[i], 112 * mm, y, bold, i == 0 ? 14 : 13.5f, SKTextAlign.Center, 150 * mm);
                y += step;
            }

            y += step * 0.5f;
            foreach (var text in document.Body)
            {
                var centered = text.Length > 0 && text == text.ToUpper(CultureInfo.GetCultureInfo("vi-VN")) && !text.StartsWith("I", StringComparison.Ordinal);
                Line(text, centered ? 112 * mm : 30 * mm, y, centered ? bold : regular, 13, centered ? SKTextAlign.Center : SKTextAlign.Left, 165 * mm);
                y += text.Length == 0 ? step * 0.5f : step;
            }

            y += step;
            var footerTop = y;
            for (var i = 0; i < document.FooterLeft.Count; i++)
            {
                Line(document.FooterLeft[i], 30 * mm, footerTop + (i * Pt(13)), i == 0 ? bold : regular, i == 0 ? 12 : 11, SKTextAlign.Left, 70 * mm);
            }

            for (var i = 0; i < document.FooterRight.Count; i++)
            {
                var text = document.FooterRight[i];
                var face = text.StartsWith('(') ? italic : bold;
                Line(text, 150 * mm, footerTop + (i * step), face, 13, SKTextAlign.Center, 90 * mm);
            }
        }

        var output = bitmap;
        SKBitmap? degradedBitmap = null;
        if (degraded)
        {
            degradedBitmap = Degrade(bitmap, seed);
            output = degradedBitmap;
        }

        using (var image = SKImage.FromBitmap(output))
        using (var data = image.Encode(SKEncodedImageFormat.Png, 90))
        using (var file = File.Create(path))
        {
            data.SaveTo(file);
        }

        degradedBitmap?.Dispose();
    }

    private static SKBitmap Degrade(SKBitmap page, int seed)
    {
        var random = new Random(seed);
        var result = new SKBitmap(page.Width, page.Height);
        using (var canvas = new SKCanvas(result))
        {
            canvas.Clear(new SKColor(238, 236, 230));
            canvas.RotateDegrees((float)(0.6 + (random.NextDouble() * 0.6)) * (random.Next(2) == 0 ? -1 : 1), page.Width / 2f, page.Height / 2f);
            using var blur = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(0.7f, 0.7f), BlendMode = SKBlendMode.Multiply };
            canvas.DrawBitmap(page, 0, 0, blur);
        }

        // Speckle: dark dots and dropped ink, about 0.2 % of the pixels.
        var pixels = result.Width * result.Height / 500;
        for (var i = 0; i < pixels; i++)
        {
            var x = random.Next(result.Width);
            var y = random.Next(result.Height);
            result.SetPixel(x, y, random.Next(3) == 0 ? new SKColor(250, 250, 250) : new SKColor(60, 60, 60));
        }

        return result;
    }
}
