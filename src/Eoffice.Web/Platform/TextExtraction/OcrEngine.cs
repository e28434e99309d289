using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Eoffice.Web.Platform.Jobs;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Platform.TextExtraction;

/// <summary>A searchable PDF made by OCR and the recognised text of each of its pages.</summary>
internal sealed record OcrResult(byte[] SearchablePdf, IReadOnlyList<string> Pages);

/// <summary>
/// OCR with ocrmypdf (which runs tesseract): <c>ocrmypdf -l vie --output-type pdf --jobs 1 --skip-text --optimize 0
/// --sidecar</c>, one process per file on one thread (<c>OMP_THREAD_LIMIT=1</c>: as many workers as cores, not one
/// worker on all of them), in a folder of its own removed afterwards. Pages that have text are skipped
/// (<c>--skip-text</c>), so a PDF mixing typed and scanned pages is recognised where it needs it; the input is never
/// altered: the output is a new PDF.
/// </summary>
public sealed class OcrEngine(IOptions<FileTextOptions> options, ILogger<OcrEngine> logger)
{
    public const string UnavailableMessage = "Máy chủ chưa cài phần mềm nhận dạng chữ (OCR) nên chưa đọc được văn bản của bản quét; các chức năng khác vẫn dùng được.";

    /// <summary>ocrmypdf's exit codes (ocrmypdf.ExitCode).</summary>
    private const int InputFileError = 2;
    private const int InvalidOutputPdf = 4;
    private const int EncryptedPdf = 8;

    public string? OcrMyPdfPath => ExternalProcess.Find(options.Value.OcrMyPdfPath, "ocrmypdf");

    public string? TesseractPath => ExternalProcess.Find(options.Value.TesseractPath, "tesseract");

    /// <summary>Both programs are there (looked up on every call: installing them while eOffice runs counts at once).</summary>
    public bool IsAvailable => OcrMyPdfPath is not null && TesseractPath is not null;

    /// <summary>
    /// Recognises an image (PNG, JPEG, TIFF) with tesseract alone, which writes the searchable PDF and the text in one
    /// run (<c>tesseract image out -l vie --dpi 300 pdf txt</c>): half the CPU of ocrmypdf for a one-page file, whose
    /// Python start-up would cost as much as the recognition (docs/benchmarks.md, OCR).
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

    /// <summary>Recognises <paramref name="input"/> (a PDF, or an image when <paramref name="isImage"/>), at most its first <paramref name="maxPages"/> pages.</summary>
    /// <remarks><paramref name="recognized"/> is told the number of pages recognised so far while ocrmypdf runs (tesseract
    /// writes one <c>NNNNNN_ocr_tess.txt</c> a page in ocrmypdf's temporary folder, which is inside this run's own folder).</remarks>
    internal async Task<OcrResult> RecognizeAsync(byte[] input, bool isImage, int? maxPages, TimeSpan limit, CancellationToken cancellationToken,
        Func<int, Task>? recognized = null)
    {
        var program = OcrMyPdfPath ?? throw new InvalidOperationException(UnavailableMessage);
        var tesseract = TesseractPath ?? throw new InvalidOperationException(UnavailableMessage);
        var work = Directory.CreateTempSubdirectory("eoffice-ocr-").FullName;
        try
        {
            var source = Path.Combine(work, isImage ? "input.img" : "input.pdf");
            var output = Path.Combine(work, "output.pdf");
            var sidecar = Path.Combine(work, "text.txt");
            await File.WriteAllBytesAsync(source, input, cancellationToken);

            var start = new ProcessStartInfo(program) { WorkingDirectory = work };
            start.Environment["OMP_THREAD_LIMIT"] = "1";
            start.Environment["TMPDIR"] = work;
            start.Environment["PATH"] = Path.GetDirectoryName(tesseract) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
            var arguments = new List<string>
            {
                "-l", options.Value.Language, "--output-type", "pdf", "--jobs", "1", "--skip-text", "--optimize", "0", "--quiet",
                "--sidecar", sidecar,
            };
            if (isImage)
            {
                arguments.AddRange(["--image-dpi", options.Value.ImageDpi.ToString(CultureInfo.InvariantCulture)]);
            }

            if (maxPages is { } pages)
            {
                arguments.AddRange(["--pages", "1-" + pages.ToString(CultureInfo.InvariantCulture)]);
            }

            arguments.AddRange([source, output]);
            arguments.ForEach(start.ArgumentList.Add);

            ExternalProcessResult result;
            using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var watching = recognized is null ? Task.CompletedTask : WatchPagesAsync(work, recognized, running.Token);
            try
            {
                result = await ExternalProcess.RunAsync(start, limit, logger, cancellationToken);
            }
            catch (ExternalProcessTimeoutException ex)
            {
                throw new FileTextFailure(TimeLimitMessage(limit), ex);
            }
            finally
            {
                await running.CancelAsync();
                await watching;
            }

            if (result.ExitCode == InvalidOutputPdf && File.Exists(output))
            {
                // The output is written but qpdf found defects it repaired (often the input's own, e.g. a bad zlib
                // check in a scanner's PDF): the text and the PDF are usable.
                logger.LogWarning("ocrmypdf made a PDF that failed its validation: {Messages}", result.ShortMessages);
                result = result with { ExitCode = 0 };
            }

            switch (result.ExitCode)
            {
                case 0 when File.Exists(output):
                    var text = File.Exists(sidecar) ? await File.ReadAllTextAsync(sidecar, cancellationToken) : string.Empty;
                    return new OcrResult(await File.ReadAllBytesAsync(output, cancellationToken), text.Split('\f'));
                case EncryptedPdf:
                    throw new FileTextFailure(PdfTextLayer.EncryptedMessage);
                case InputFileError:
                    throw new FileTextFailure(isImage ? ImageCorruptMessage : PdfTextLayer.CorruptMessage);
                default:
                    throw new InvalidOperationException($"ocrmypdf exited with code {result.ExitCode}: {result.ShortMessages}");
            }
        }
        finally
        {
            RemoveFolder(work);
        }
    }

    /// <summary>Every second, the pages tesseract has finished, reported when the number grows. Progress only: failures are logged, never thrown.</summary>
    private async Task WatchPagesAsync(string work, Func<int, Task> recognized, CancellationToken cancellationToken)
    {
        var reported = 0;
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                var done = Directory.EnumerateFiles(work, "*_ocr_tess.txt", SearchOption.AllDirectories).Count();
                if (done > reported)
                {
                    reported = done;
                    await recognized(done);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // ocrmypdf ended.
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or DbException)
        {
            logger.LogWarning(ex, "Could not report the OCR progress of {Folder}.", work);
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
