using Xunit.Abstractions;
using Xunit.Sdk;

namespace Eoffice.IntegrationTests.Infrastructure;

/// <summary>
/// A <see cref="DbFactAttribute"/> for the whole digital signing chain of a document: LibreOffice makes the PDF of
/// the layout (EOFFICE_TEST_SOFFICE), the leader's key is on a SoftHSM token (EOFFICE_TEST_SOFTHSM) and poppler
/// judges the result (EOFFICE_TEST_POPPLER). Skipped with the reasons of whatever is missing; CI sets all three.
/// </summary>
[XunitTestCaseDiscoverer("Eoffice.IntegrationTests.Infrastructure.SigningChainFactDiscoverer", "Eoffice.IntegrationTests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class SigningChainFactAttribute : FactAttribute;

public sealed class SigningChainFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var missing = new[]
        {
            SofficeFactDiscoverer.ProgramPath is null ? SofficeFactDiscoverer.SofficeSkipReason : null,
            SoftHsmFactDiscoverer.LibraryPath is null ? SoftHsmFactDiscoverer.SoftHsmSkipReason : null,
            PopplerFactDiscoverer.Folder is null ? PopplerFactDiscoverer.PopplerSkipReason : null,
        }.OfType<string>().ToList();
        if (missing.Count > 0)
        {
            return [new SkippedTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, string.Join(" ", missing))];
        }

        return new DbFactDiscoverer(diagnosticMessageSink).Discover(discoveryOptions, testMethod, factAttribute);
    }
}
