using Eoffice.IntegrationTests.Infrastructure;
using Eoffice.Web.Modules.Documents.Outgoing.Layout;
using Eoffice.Web.Platform.Conversion;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Eoffice.IntegrationTests.Platform.Conversion;

/// <summary>The converter on its own, with the real LibreOffice: what it leaves behind, and what it does past its time limit.</summary>
public sealed class LibreOfficeConverterTests : IDisposable
{
    private readonly string workRoot = Path.Combine(Path.GetTempPath(), "eoffice-converter-tests", Guid.NewGuid().ToString("N"));

    public LibreOfficeConverterTests() => Directory.CreateDirectory(workRoot);

    [SofficeFact]
    public async Task A_conversion_gives_a_pdf_and_leaves_no_file_behind()
    {
        var converter = Converter(TimeSpan.FromMinutes(2));

        var pdf = await converter.ConvertToPdfAsync(new MemoryStream(new OfficialLayoutWriter().Write(PdfRenditionTests<SqliteApp>.Layout(), null, null)),
            CancellationToken.None);

        Assert.True(pdf.AsSpan().StartsWith("%PDF-"u8));
        Assert.Empty(Directory.EnumerateFileSystemEntries(workRoot));
    }

    [SofficeFact]
    public async Task Past_its_time_limit_libreoffice_is_killed_with_every_process_it_started_and_its_files_are_removed()
    {
        var converter = Converter(TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<ConversionException>(() =>
            converter.ConvertToPdfAsync(new MemoryStream(new OfficialLayoutWriter().Write(PdfRenditionTests<SqliteApp>.Layout(), null, null)), CancellationToken.None));

        Assert.Equal("LibreOffice did not finish within 0.3 s and was stopped.", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(workRoot));
        Assert.Empty(ProcessesMentioning(workRoot));
    }

    [Fact]
    public async Task Without_the_program_a_conversion_says_libreoffice_is_not_installed()
    {
        var converter = new LibreOfficeConverter(Options.Create(new LibreOfficeOptions { LibreOfficePath = "/nonexistent/soffice" }),
            NullLogger<LibreOfficeConverter>.Instance);

        Assert.False(converter.IsAvailable);
        var error = await Assert.ThrowsAsync<ConversionException>(() => converter.ConvertToPdfAsync(new MemoryStream([1, 2, 3]), CancellationToken.None));
        Assert.StartsWith("LibreOffice is not installed", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(workRoot, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private LibreOfficeConverter Converter(TimeSpan timeout) =>
        new(Options.Create(new LibreOfficeOptions { LibreOfficePath = SofficeFactDiscoverer.ProgramPath, LibreOfficeTimeout = timeout }),
            NullLogger<LibreOfficeConverter>.Instance)
        {
            WorkRoot = workRoot,
        };

    /// <summary>Running processes whose command line names <paramref name="text"/> (the conversion's profile and files are under it).</summary>
    private static List<string> ProcessesMentioning(string text)
    {
        var found = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(text, StringComparison.Ordinal))
                {
                    found.Add($"{Path.GetFileName(folder)}: {commandLine}");
                }
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }
}
