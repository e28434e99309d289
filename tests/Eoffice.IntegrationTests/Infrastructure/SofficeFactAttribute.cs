using Xunit.Abstractions;
using Xunit.Sdk;

namespace Eoffice.IntegrationTests.Infrastructure;

/// <summary>
/// A <see cref="DbFactAttribute"/> that also needs LibreOffice: the path of <c>soffice</c> in EOFFICE_TEST_SOFFICE (CI
/// installs Debian's libreoffice-writer-nogui and sets it). Reported as skipped, with the reason, when the variable is
/// not set; when it is set nothing is skipped.
/// </summary>
[XunitTestCaseDiscoverer("Eoffice.IntegrationTests.Infrastructure.SofficeFactDiscoverer", "Eoffice.IntegrationTests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class SofficeFactAttribute : FactAttribute;

public sealed class SofficeFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public const string SofficeSkipReason =
        "LibreOffice suite: set EOFFICE_TEST_SOFFICE to the path of soffice (Debian libreoffice-writer-nogui: /usr/bin/soffice) to run it.";

    public static string? ProgramPath =>
        Environment.GetEnvironmentVariable("EOFFICE_TEST_SOFFICE") is { Length: > 0 } value ? value : null;

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        if (ProgramPath is null)
        {
            return [new SkippedTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, SofficeSkipReason)];
        }

        return new DbFactDiscoverer(diagnosticMessageSink).Discover(discoveryOptions, testMethod, factAttribute);
    }
}
