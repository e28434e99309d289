using Eoffice.Web.Platform;

namespace Eoffice.ArchitectureTests;

public sealed class ModuleBoundaryTests
{
    /// <summary>Page folders whose name is not their module's.</summary>
    private static readonly Dictionary<string, string> PageAreas = new() { ["Account"] = "Identity", ["Admin"] = "Platform" };

    private static IReadOnlyList<DependencyScanner.Dependency> WebDependencies() =>
        DependencyScanner.Scan(typeof(EofficeOptions).Assembly.Location, "Eoffice.Web.");

    [Fact]
    public void The_web_assembly_keeps_every_module_boundary()
    {
        var dependencies = WebDependencies();
        Assert.Contains(dependencies, d => d.FromType.StartsWith("Eoffice.Web.Modules.", StringComparison.Ordinal));
        Assert.Contains(dependencies, d => d.FromType.StartsWith("Eoffice.Web.Kernel.", StringComparison.Ordinal));

        var violations = new ModuleBoundaryRules("Eoffice.Web", PageAreas).Violations(dependencies);

        Assert.True(violations.Count == 0, "Module boundaries broken:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_scanner_sees_uses_hidden_in_method_bodies_and_lambdas()
    {
        var dependencies = DependencyScanner.Scan(typeof(ModuleBoundaryTests).Assembly.Location, "Eoffice.ArchitectureTests.Fixtures.");

        Assert.Contains(new DependencyScanner.Dependency(
            "Eoffice.ArchitectureTests.Fixtures.Modules.Alpha.UsesBetaInsideALambda",
            "Eoffice.ArchitectureTests.Fixtures.Modules.Beta.Domain.Secret"), dependencies);
    }

    [Fact]
    public void Each_rule_reports_its_violation_in_a_deliberately_broken_fixture()
    {
        var dependencies = DependencyScanner.Scan(typeof(ModuleBoundaryTests).Assembly.Location, "Eoffice.ArchitectureTests.Fixtures.");

        var violations = new ModuleBoundaryRules("Eoffice.ArchitectureTests.Fixtures").Violations(dependencies);

        Assert.Contains(violations, v => v.Contains("UsesBetaInsideALambda (module Alpha) uses", StringComparison.Ordinal) && v.EndsWith("an internal of module Beta", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("PlatformService (platform) uses module type", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("Beta.Domain.Secret (domain) uses infrastructure type Microsoft.AspNetCore.Http.HttpContext", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("Beta.Contracts.LeakyContract (contract) exposes", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("Beta.Domain.AnswersWithAStatus (domain) uses the web edge type", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.StartsWith("Eoffice.ArchitectureTests.Fixtures.Modules.Alpha.UsesBetaContract ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_kernel_rule_refuses_a_module_even_its_contracts_and_allows_the_platform()
    {
        var dependencies = DependencyScanner.Scan(typeof(ModuleBoundaryTests).Assembly.Location, "Eoffice.ArchitectureTests.Fixtures.");

        var violations = new ModuleBoundaryRules("Eoffice.ArchitectureTests.Fixtures").Violations(dependencies);

        Assert.Contains("Eoffice.ArchitectureTests.Fixtures.Kernel.KernelBlockUsingAModule (kernel) uses "
            + "Eoffice.ArchitectureTests.Fixtures.Modules.Beta.Contracts.PublicFact, which is neither kernel nor platform", violations);
        Assert.Contains("Eoffice.ArchitectureTests.Fixtures.Platform.PlatformServiceUsingTheKernel (platform) uses kernel type "
            + "Eoffice.ArchitectureTests.Fixtures.Kernel.KernelBlockOnThePlatform", violations);
        Assert.DoesNotContain(violations, v => v.StartsWith("Eoffice.ArchitectureTests.Fixtures.Kernel.KernelBlockOnThePlatform ", StringComparison.Ordinal));
    }

    [Fact]
    public void Documents_notify_only_through_the_subscriber_of_their_events()
    {
        var allowed = new HashSet<string>
        {
            "Eoffice.Web.Modules.Documents.Incoming.IncomingNotifications",
            "Eoffice.Web.Modules.Documents.Outgoing.OutgoingNotifications",
            "Eoffice.Web.Modules.Documents.DeadlineReminders`1", // scheduled jobs, not handlers
            "Eoffice.Web.Modules.Documents.Incoming.IncomingDeadlineReminders",
            "Eoffice.Web.Modules.Documents.Outgoing.OutgoingConsultationReminders",
        };
        var documents = WebDependencies().Where(d => d.FromType.StartsWith("Eoffice.Web.Modules.Documents.", StringComparison.Ordinal));

        var violations = new EventSeamRule("Eoffice.Web", allowed).Violations(documents);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void The_event_seam_rule_reports_a_handler_that_notifies_in_a_deliberately_broken_fixture()
    {
        var dependencies = DependencyScanner.Scan(typeof(ModuleBoundaryTests).Assembly.Location, "Eoffice.ArchitectureTests.Fixtures.");

        var violations = new EventSeamRule("Eoffice.ArchitectureTests.Fixtures",
            new HashSet<string> { "Eoffice.ArchitectureTests.Fixtures.Modules.Alpha.AlphaNotifications" }).Violations(dependencies);

        Assert.Contains(violations, v => v.StartsWith("Eoffice.ArchitectureTests.Fixtures.Modules.Alpha.NotifiesFromAHandler notifies directly", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("AlphaNotifications", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("OpensAThing", StringComparison.Ordinal));
    }
}
