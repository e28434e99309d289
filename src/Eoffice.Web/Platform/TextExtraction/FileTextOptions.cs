namespace Eoffice.Web.Platform.TextExtraction;

/// <summary>
/// Text extraction settings (section <c>TextExtraction</c>). OCR is optional: without tesseract and poppler's pdftoppm, pdfseparate and
/// pdfunite, scans end
/// in <see cref="FileTextState.OcrUnavailable"/> and everything else works.
/// </summary>
public sealed class FileTextOptions
{
    public const string Section = "TextExtraction";

    /// <summary><c>TextExtraction:Workers</c>: files extracted at once on this node (each OCR process on one thread).</summary>
    public int Workers { get; set; } = Environment.ProcessorCount;

    /// <summary><c>TextExtraction:TesseractPath</c>: the tesseract program; unset: looked for on the PATH; a path that does not exist: no OCR.</summary>
    public string? TesseractPath { get; set; }

    /// <summary>
    /// <c>TextExtraction:PopplerFolder</c>: the folder of poppler's pdftoppm, pdfseparate and pdfunite (which render the
    /// scanned pages of a PDF and join the searchable one); unset: looked for on the PATH; a folder without them: no OCR.
    /// </summary>
    public string? PopplerFolder { get; set; }

    /// <summary><c>TextExtraction:Language</c>: tesseract's languages (<c>vie</c>; <c>vie+eng</c> for mixed documents).</summary>
    public string Language { get; set; } = "vie";

    /// <summary><c>TextExtraction:TimeLimit</c>: longest time one file may take; the OCR process tree is then killed and the file failed.</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary><c>TextExtraction:MaxPages</c>: pages read of one file; the rest is left out and the clerk told so.</summary>
    public int MaxPages { get; set; } = 500;

    /// <summary><c>TextExtraction:ImageDpi</c>: resolution the scanned pages of a PDF are rendered at for OCR, and assumed for images.</summary>
    public int ImageDpi { get; set; } = 300;
}
