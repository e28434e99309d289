using Xunit.Abstractions;
using Xunit.Sdk;

namespace Eoffice.IntegrationTests.Infrastructure;

/// <summary>
/// A <see cref="DbFactAttribute"/> that also needs OCR (tesseract with Vietnamese and poppler's pdftoppm, pdfseparate, pdfunite, which also
/// make the scans): EOFFICE_TEST_OCR set (CI installs tesseract-ocr, tesseract-ocr-vie, poppler-utils and sets it). Reported
/// as skipped, with the reason, when the variable is not set; when it is set nothing is skipped, and a missing program
/// makes the test fail.
/// </summary>
[XunitTestCaseDiscoverer("Eoffice.IntegrationTests.Infrastructure.OcrFactDiscoverer", "Eoffice.IntegrationTests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class OcrFactAttribute : FactAttribute;

public sealed class OcrFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public const string OcrSkipReason =
        "OCR suite: set EOFFICE_TEST_OCR=1 with tesseract-ocr, tesseract-ocr-vie and poppler-utils installed to run it.";

    public static bool Enabled => Environment.GetEnvironmentVariable("EOFFICE_TEST_OCR") is { Length: > 0 };

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        if (!Enabled)
        {
            return [new SkippedTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, OcrSkipReason)];
        }

        return new DbFactDiscoverer(diagnosticMessageSink).Discover(discoveryOptions, testMethod, factAttribute);
    }
}
