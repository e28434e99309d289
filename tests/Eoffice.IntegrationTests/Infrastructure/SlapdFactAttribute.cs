using Xunit.Abstractions;
using Xunit.Sdk;

namespace Eoffice.IntegrationTests.Infrastructure;

/// <summary>
/// A <see cref="DbFactAttribute"/> that also needs a real OpenLDAP server (<see cref="SlapdServer"/>). Reported as
/// skipped, with the reason, when EOFFICE_TEST_SLAPD is not set; CI sets it, so there nothing is skipped.
/// </summary>
[XunitTestCaseDiscoverer("Eoffice.IntegrationTests.Infrastructure.SlapdFactDiscoverer", "Eoffice.IntegrationTests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class SlapdFactAttribute : FactAttribute;

public sealed class SlapdFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public const string SlapdSkipReason = "LDAP suite: set EOFFICE_TEST_SLAPD to the path of OpenLDAP's slapd (Debian: /usr/sbin/slapd) to run it.";

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        if (SlapdServer.ExecutablePath is null)
        {
            return [new SkippedTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, SlapdSkipReason)];
        }

        return new DbFactDiscoverer(diagnosticMessageSink).Discover(discoveryOptions, testMethod, factAttribute);
    }
}
