using Xunit.Abstractions;
using Xunit.Sdk;

namespace Eoffice.IntegrationTests.Infrastructure;

/// <summary>
/// A fact that needs SoftHSM 2, the software PKCS#11 token standing in for officials' USB tokens: the path of
/// libsofthsm2.so in EOFFICE_TEST_SOFTHSM (Debian softhsm2: /usr/lib/softhsm/libsofthsm2.so; softhsm2-util must be on
/// PATH). Reported as skipped, with the reason, when the variable is not set. No database is involved.
/// </summary>
[XunitTestCaseDiscoverer("Eoffice.IntegrationTests.Infrastructure.SoftHsmFactDiscoverer", "Eoffice.IntegrationTests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class SoftHsmFactAttribute : FactAttribute;

public sealed class SoftHsmFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public const string SoftHsmSkipReason =
        "SoftHSM suite: set EOFFICE_TEST_SOFTHSM to the path of libsofthsm2.so (Debian softhsm2: /usr/lib/softhsm/libsofthsm2.so) to run it.";

    public static string? LibraryPath =>
        Environment.GetEnvironmentVariable("EOFFICE_TEST_SOFTHSM") is { Length: > 0 } value ? value : null;

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        if (LibraryPath is null)
        {
            return [new SkippedTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, SoftHsmSkipReason)];
        }

        return [new XunitTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
    }
}
