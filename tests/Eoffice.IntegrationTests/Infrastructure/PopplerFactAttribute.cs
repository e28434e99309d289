using Xunit.Abstractions;
using Xunit.Sdk;

namespace Eoffice.IntegrationTests.Infrastructure;

/// <summary>
/// A test that needs poppler-utils (pdfsig, pdftoppm, pdftotext) as an independent judge of the PDFs we write: the
/// folder holding them in EOFFICE_TEST_POPPLER (CI installs Debian's poppler-utils and sets /usr/bin). Reported as
/// skipped, with the reason, when the variable is not set. Needs no database.
/// </summary>
[XunitTestCaseDiscoverer("Eoffice.IntegrationTests.Infrastructure.PopplerFactDiscoverer", "Eoffice.IntegrationTests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class PopplerFactAttribute : FactAttribute;

public sealed class PopplerFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public const string PopplerSkipReason =
        "Poppler suite: set EOFFICE_TEST_POPPLER to the folder holding pdfsig/pdftoppm/pdftotext (Debian poppler-utils: /usr/bin) to run it.";

    public static string? Folder =>
        Environment.GetEnvironmentVariable("EOFFICE_TEST_POPPLER") is { Length: > 0 } value ? value : null;

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        if (Folder is null)
        {
            return [new SkippedTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, PopplerSkipReason)];
        }

        return new FactDiscoverer(diagnosticMessageSink).Discover(discoveryOptions, testMethod, factAttribute);
    }
}
