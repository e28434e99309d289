using Xunit.Abstractions;
using Xunit.Sdk;

namespace Eoffice.IntegrationTests.Infrastructure;

/// <summary>
/// A fact that runs once per database suite. Write the test in an abstract class taking an <see cref="EofficeApp"/>,
/// then derive <c>…OnSqlite</c> (with <c>IClassFixture&lt;SqliteApp&gt;</c>) and <c>…OnPostgres</c> (with
/// <c>IClassFixture&lt;PostgresApp&gt;</c>). The PostgreSQL copy is reported as skipped, with the reason, when
/// EOFFICE_TEST_POSTGRES is not set; when it is set nothing is skipped.
/// </summary>
[XunitTestCaseDiscoverer("Eoffice.IntegrationTests.Infrastructure.DbFactDiscoverer", "Eoffice.IntegrationTests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DbFactAttribute : FactAttribute;

public sealed class DbFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public const string PostgresSkipReason = "PostgreSQL suite: set EOFFICE_TEST_POSTGRES to a server connection string to run it.";

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var type = testMethod.TestClass.Class.ToRuntimeType();
        var needsPostgres = type is not null && RunsOnPostgres(type);
        if (needsPostgres && PostgresApp.ServerConnectionString is null)
        {
            yield return new SkippedTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, PostgresSkipReason);
        }
        else
        {
            yield return new XunitTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
        }
    }

    /// <summary>A class runs on PostgreSQL when it takes a <see cref="PostgresApp"/> (or derived) fixture or says so.</summary>
    public static bool RunsOnPostgres(Type type) =>
        typeof(IPostgresSuite).IsAssignableFrom(type)
        || type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IClassFixture<>)
            && typeof(PostgresApp).IsAssignableFrom(i.GetGenericArguments()[0]));
}

/// <summary>Marks a test class that needs PostgreSQL without using <see cref="PostgresApp"/> (e.g. bare schema tests).</summary>
public interface IPostgresSuite;

public sealed class SkippedTestCase : XunitTestCase
{
    private string reason = string.Empty;

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedTestCase()
    {
    }

    public SkippedTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod, string reason)
        : base(sink, display, options, testMethod) => this.reason = reason;

    protected override string GetSkipReason(IAttributeInfo factAttribute) => reason;

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("SkipReasonText", reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        reason = data.GetValue<string>("SkipReasonText");
        base.Deserialize(data);
    }
}
