using System.Diagnostics;
using System.Globalization;
using Eoffice.Web.Platform.Jobs;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Platform.TextExtraction;

/// <summary>A searchable PDF made by OCR and the text of each of its pages.</summary>
internal sealed record OcrResult(byte[] SearchablePdf, IReadOnlyList<string> Pages);

/// <summary>
/// OCR with tesseract, each process on one thread (<c>OMP_THREAD_LIMIT=1</c>: as many workers as cores, not one worker
/// on all of them), in a folder of its own removed afterwards. An image is read by one <c>tesseract img out pdf txt</c>;
/// a PDF page by page: a scanned page is rendered by poppler's <c>pdftoppm -r 300 -gray -f n -l n</c> and read by
/// <c>tesseract page.pgm out pdf txt</c>, a page that has text is taken as it is (<c>pdfseparate -f n -l n</c>), and the
/// one-page PDFs are joined by <c>pdfunite</c> into the searchable PDF (ADR 0026). The input is never altered: the
/// output is a new PDF.
/// </summary>
public sealed class OcrEngine(IOptions<FileTextOptions> options, ILogger<OcrEngine> logger)
{
    public const string UnavailableMessage = "Máy chủ chưa cài phần mềm nhận dạng chữ (OCR) nên chưa đọc được văn bản của bản quét; các chức năng khác vẫn dùng được.";

    /// <summary>poppler's exit codes (pdftoppm, pdfseparate, pdfunite).</summary>
    private const int PopplerOpenError = 1;
    private const int PopplerPermissionError = 3;

    public string? TesseractPath => ExternalProcess.Find(options.Value.TesseractPath, "tesseract");

    public string? PdfToPpmPath => Poppler("pdftoppm");

    public string? PdfSeparatePath => Poppler("pdfseparate");

    public string? PdfUnitePath => Poppler("pdfunite");

    /// <summary>
    /// tesseract and poppler's pdftoppm, pdfseparate and pdfunite are all there (looked up on every call: installing
    /// them while eOffice runs counts at once).
    /// </summary>
    public bool IsAvailable => TesseractPath is not null && PdfToPpmPath is not null && PdfSeparatePath is not null && PdfUnitePath is not null;

    private string? Poppler(string program) => options.Value.PopplerFolder is { Length: > 0 } folder
        ? ExternalProcess.Find(Path.Combine(folder, program))
        : ExternalProcess.Find(null, program);

    /// <summary>
    /// Recognises an image (PNG, JPEG, TIFF) with tesseract alone, which writes the searchable PDF and the text in one
    /// run (<c>tesseract image out -l vie --dpi 300 pdf txt</c>): no rendering needed.
    /// </summary>
    internal async Task<OcrResult> RecognizeImageAsync(byte[] image, TimeSpan limit, CancellationToken cancellationToken)
    {
        var tesseract = TesseractPath ?? throw new InvalidOperationException(UnavailableMessage);
        var work = Directory.CreateTempSubdirectory("eoffice-ocr-").FullName;
        try
        {
            var source = Path.Combine(work, "input.img");
            var output = Path.Combine(work, "output");
            await File.WriteAllBytesAsync(source, image, cancellationToken);
            var start = new ProcessStartInfo(tesseract) { WorkingDirectory = work };
            start.Environment["OMP_THREAD_LIMIT"] = "1";
            foreach (var argument in new[] { source, output, "-l", options.Value.Language, "--dpi", options.Value.ImageDpi.ToString(CultureInfo.InvariantCulture), "pdf", "txt" })
            {
                start.ArgumentList.Add(argument);
            }

            ExternalProcessResult result;
            try
            {
                result = await ExternalProcess.RunAsync(start, limit, logger, cancellationToken);
            }
            catch (ExternalProcessTimeoutException ex)
            {
                throw new FileTextFailure(TimeLimitMessage(limit), ex);
            }

            if (result.ExitCode != 0 || !File.Exists(output + ".pdf"))
            {
                logger.LogInformation("tesseract could not read the image (exit code {Code}): {Messages}", result.ExitCode, result.ShortMessages);
                throw new FileTextFailure(ImageCorruptMessage);
            }

            var text = File.Exists(output + ".txt") ? await File.ReadAllTextAsync(output + ".txt", cancellationToken) : string.Empty;
            return new OcrResult(await File.ReadAllBytesAsync(output + ".pdf", cancellationToken), text.TrimEnd('\f').Split('\f'));
        }
        finally
        {
            RemoveFolder(work);
        }
    }

    /// <summary>
    /// Recognises the pages of a PDF whose text layer is <paramref name="layer"/> (a page's text, or <c>null</c> for a
    /// scanned page; as many entries as pages to read, so the page limit is already applied): scanned pages through
    /// pdftoppm and tesseract, typed pages kept as they are with their own text. <paramref name="done"/> is told the
    /// number of pages finished after each page. <paramref name="limit"/> is the whole file's: each program gets what is
    /// left of it and is killed with its children when it runs out.
    /// </summary>
    internal async Task<OcrResult> RecognizePdfAsync(byte[] pdf, IReadOnlyList<string?> layer, TimeSpan limit, CancellationToken cancellationToken,
        Func<int, Task>? done = null)
    {
        var tesseract = TesseractPath ?? throw new InvalidOperationException(UnavailableMessage);
        var pdftoppm = PdfToPpmPath ?? throw new InvalidOperationException(UnavailableMessage);
        var pdfseparate = PdfSeparatePath ?? throw new InvalidOperationException(UnavailableMessage);
        var pdfunite = PdfUnitePath ?? throw new InvalidOperationException(UnavailableMessage);
        var clock = Stopwatch.StartNew();
        var work = Directory.CreateTempSubdirectory("eoffice-ocr-").FullName;
        try
        {
            var source = Path.Combine(work, "input.pdf");
            await File.WriteAllBytesAsync(source, pdf, cancellationToken);
            var dpi = options.Value.ImageDpi.ToString(CultureInfo.InvariantCulture);
            var parts = new List<string>(layer.Count);
            var texts = new List<string>(layer.Count);
            for (var i = 0; i < layer.Count; i++)
            {
                var number = (i + 1).ToString(CultureInfo.InvariantCulture);
                var page = Path.Combine(work, "page-" + number);
                if (layer[i] is { } typed)
                {
                    // A page with text: the page itself, its text layer intact.
                    await RunPopplerAsync(pdfseparate, ["-f", number, "-l", number, source, page + ".pdf"], work, limit, clock, cancellationToken);
                    texts.Add(typed);
                }
                else
                {
                    await RunPopplerAsync(pdftoppm, ["-r", dpi, "-gray", "-f", number, "-l", number, "-singlefile", source, page], work, limit, clock,
                        cancellationToken);
                    await RunTesseractAsync(tesseract, page + ".pgm", page, work, limit, clock, cancellationToken);
                    File.Delete(page + ".pgm");
                    texts.Add(File.Exists(page + ".txt") ? (await File.ReadAllTextAsync(page + ".txt", cancellationToken)).TrimEnd('\f') : string.Empty);
                }

                if (!File.Exists(page + ".pdf"))
                {
                    throw new InvalidOperationException($"Page {number} of the PDF gave no one-page PDF.");
                }

                parts.Add(page + ".pdf");
                if (done is not null)
                {
                    await done(i + 1);
                }
            }

            var output = parts.Count == 1 ? parts[0] : Path.Combine(work, "output.pdf");
            if (parts.Count > 1)
            {
                await RunPopplerAsync(pdfunite, [.. parts, output], work, limit, clock, cancellationToken);
            }

            return new OcrResult(await File.ReadAllBytesAsync(output, cancellationToken), texts);
        }
        finally
        {
            RemoveFolder(work);
        }
    }

    /// <summary>A poppler program on what is left of the time limit: a PDF it cannot open is corrupt, one it may not read encrypted.</summary>
    private async Task RunPopplerAsync(string program, IEnumerable<string> arguments, string work, TimeSpan limit, Stopwatch clock,
        CancellationToken cancellationToken)
    {
        var result = await RunAsync(program, arguments, work, limit, clock, cancellationToken);
        switch (result.ExitCode)
        {
            case 0:
                return;
            case PopplerOpenError:
                logger.LogInformation("{Program} could not open the PDF: {Messages}", Path.GetFileName(program), result.ShortMessages);
                throw new FileTextFailure(PdfTextLayer.CorruptMessage);
            case PopplerPermissionError:
                throw new FileTextFailure(PdfTextLayer.EncryptedMessage);
            default:
                throw new InvalidOperationException($"{Path.GetFileName(program)} exited with code {result.ExitCode}: {result.ShortMessages}");
        }
    }

    private async Task RunTesseractAsync(string tesseract, string image, string output, string work, TimeSpan limit, Stopwatch clock,
        CancellationToken cancellationToken)
    {
        var dpi = options.Value.ImageDpi.ToString(CultureInfo.InvariantCulture);
        var result = await RunAsync(tesseract, [image, output, "-l", options.Value.Language, "--dpi", dpi, "pdf", "txt"], work, limit, clock,
            cancellationToken);
        if (result.ExitCode != 0 || !File.Exists(output + ".pdf"))
        {
            throw new InvalidOperationException($"tesseract could not read a rendered page (exit code {result.ExitCode}): {result.ShortMessages}");
        }
    }

    /// <summary>One program on one thread, given what is left of the file's time limit; running out fails the file with the limit in its message.</summary>
    private async Task<ExternalProcessResult> RunAsync(string program, IEnumerable<string> arguments, string work, TimeSpan limit, Stopwatch clock,
        CancellationToken cancellationToken)
    {
        var left = limit - clock.Elapsed;
        if (left <= TimeSpan.Zero)
        {
            throw new FileTextFailure(TimeLimitMessage(limit));
        }

        var start = new ProcessStartInfo(program) { WorkingDirectory = work };
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            return await ExternalProcess.RunAsync(start, left, logger, cancellationToken);
        }
        catch (ExternalProcessTimeoutException ex)
        {
            throw new FileTextFailure(TimeLimitMessage(limit), ex);
        }
    }

    private void RemoveFolder(string work)
    {
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Could not remove the OCR folder {Folder}.", work);
        }
    }

    public const string ImageCorruptMessage = "Tệp ảnh bị hỏng hoặc không đúng định dạng nên không nhận dạng được chữ.";

    public static string TimeLimitMessage(TimeSpan limit) => string.Create(VietnameseCulture,
        $"Quá thời gian cho phép ({Describe(limit)}) khi đọc văn bản của tệp; tệp có thể quá dài hoặc ảnh quá lớn.");

    private static readonly CultureInfo VietnameseCulture = CultureInfo.GetCultureInfo("vi-VN");

    private static string Describe(TimeSpan limit) => limit.TotalMinutes >= 1
        ? string.Create(VietnameseCulture, $"{limit.TotalMinutes:0.#} phút")
        : string.Create(VietnameseCulture, $"{limit.TotalSeconds:0.#} giây");
}
