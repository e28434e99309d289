using System.Diagnostics;
using Eoffice.Web.Platform.Jobs;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Platform.Conversion;

/// <summary>A conversion that did not produce a PDF: LibreOffice failed, timed out, or wrote nothing. The message is for administrators.</summary>
public sealed class ConversionException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Converts a .docx to PDF with LibreOffice (<c>soffice --headless --convert-to pdf</c>), one process per conversion:
/// the document and the output in a folder of their own, a LibreOffice profile of its own (two conversions at once, on
/// one node or with a desktop LibreOffice of the same account, would otherwise fight over the profile's lock), a time
/// limit after which the whole process tree is killed, and every temporary file removed afterwards.
/// </summary>
public sealed class LibreOfficeConverter(IOptions<LibreOfficeOptions> options, ILogger<LibreOfficeConverter> logger)
{
    /// <summary>What a person is told when the server has no LibreOffice.</summary>
    public const string UnavailableMessage = "Máy chủ chưa cài LibreOffice nên chưa xem được bản PDF; vui lòng tải tệp .docx.";

    private static readonly string[] ProgramNames = ["soffice", "libreoffice"];

    /// <summary>The program that converts, looked up on every call (LibreOffice installed while eOffice runs counts at once); <c>null</c> when there is none.</summary>
    public string? ProgramPath => ExternalProcess.Find(options.Value.LibreOfficePath, ProgramNames);

    public bool IsAvailable => ProgramPath is not null;

    public TimeSpan Timeout => options.Value.LibreOfficeTimeout;

    /// <summary>Where each conversion makes its folder (the system's temporary folder; tests choose their own to see it emptied).</summary>
    internal string WorkRoot { get; init; } = Path.GetTempPath();

    /// <summary>The PDF of <paramref name="docx"/>; <see cref="ConversionException"/> when LibreOffice is missing, fails or runs out of time.</summary>
    public async Task<byte[]> ConvertToPdfAsync(Stream docx, CancellationToken cancellationToken)
    {
        var program = ProgramPath ?? throw new ConversionException("LibreOffice is not installed (Eoffice:LibreOfficePath, or soffice on the PATH).");
        var work = Path.Combine(WorkRoot, "eoffice-soffice-" + Guid.NewGuid().ToString("N"));
        var profile = Path.Combine(work, "profile");
        var output = Path.Combine(work, "out");
        var input = Path.Combine(work, "document.docx");
        Directory.CreateDirectory(profile);
        Directory.CreateDirectory(output);
        try
        {
            await using (var file = File.Create(input))
            {
                await docx.CopyToAsync(file, cancellationToken);
            }

            var (exitCode, messages) = await RunAsync(program, profile, output, input, cancellationToken);
            var pdf = Path.Combine(output, "document.pdf");
            if (exitCode != 0 || !File.Exists(pdf))
            {
                throw new ConversionException($"LibreOffice exited with code {exitCode} without a PDF: {messages}");
            }

            var content = await File.ReadAllBytesAsync(pdf, cancellationToken);
            return content.AsSpan().StartsWith("%PDF-"u8) ? content : throw new ConversionException("LibreOffice wrote a file that is not a PDF.");
        }
        finally
        {
            RemoveFolder(work);
        }
    }

    private async Task<(int ExitCode, string Messages)> RunAsync(string program, string profile, string output, string input, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = Path.GetDirectoryName(input)! };
        foreach (var argument in new[]
                 {
                     "-env:UserInstallation=" + new Uri(profile + Path.DirectorySeparatorChar).AbsoluteUri,
                     "--headless", "--invisible", "--nologo", "--nodefault", "--nofirststartwizard", "--nolockcheck", "--norestore",
                     "--convert-to", "pdf", "--outdir", output, input,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            // Kills soffice and whatever it started (oosplash, soffice.bin) when the time runs out.
            var result = await ExternalProcess.RunAsync(start, Timeout, logger, cancellationToken);
            return (result.ExitCode, result.ShortMessages);
        }
        catch (ExternalProcessStartException ex)
        {
            throw new ConversionException($"LibreOffice could not be started ({program}): {ex.InnerException?.Message}", ex);
        }
        catch (ExternalProcessTimeoutException)
        {
            throw new ConversionException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"LibreOffice did not finish within {Timeout.TotalSeconds:0.#} s and was stopped."));
        }
    }

    private void RemoveFolder(string folder)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }

                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                if (attempt == 3)
                {
                    logger.LogWarning(ex, "Could not remove the conversion folder {Folder}.", folder);
                }
                else
                {
                    Thread.Sleep(200);
                }
            }
        }
    }
}
