namespace Eoffice.ArchitectureTests;

/// <summary>
/// The module rules of docs/architecture.md §2, as a pure function over dependencies so they can be tested on their own:
/// <list type="bullet">
/// <item>a module uses another module only through that module's <c>Contracts</c> namespace;</item>
/// <item>the platform uses no module at all, and not the kernel, which stands on it;</item>
/// <item>the kernel (owner-agnostic building blocks) uses the platform only: no module, not even a module's contracts,
/// and no page;</item>
/// <item>a module's <c>Domain</c> uses neither ASP.NET Core nor EF Core, nor the platform's web edge (<c>Platform.Web</c>):
/// domain rules say what kind of rule broke (<c>Platform.Rules</c>), the edge decides the HTTP answer;</item>
/// <item>a module's <c>Contracts</c> use nothing of their own module outside the contracts;</item>
/// <item>a page folder uses only its own module's internals (and other modules' contracts).</item>
/// </list>
/// </summary>
public sealed class ModuleBoundaryRules(string root, IReadOnlyDictionary<string, string>? pageAreaToModule = null)
{
    private readonly IReadOnlyDictionary<string, string> pageAreas = pageAreaToModule ?? new Dictionary<string, string>();

    private string ModulesPrefix => root + ".Modules.";

    private string PlatformPrefix => root + ".Platform.";

    private string KernelPrefix => root + ".Kernel.";

    private string PagesPrefix => root + ".Pages.";

    public IReadOnlyList<string> Violations(IEnumerable<DependencyScanner.Dependency> dependencies)
    {
        var violations = new List<string>();
        foreach (var (from, to) in dependencies)
        {
            var fromModule = ModuleOf(from);
            var toModule = ModuleOf(to);

            if (from.StartsWith(PlatformPrefix, StringComparison.Ordinal) && toModule is not null)
            {
                violations.Add($"{from} (platform) uses module type {to}");
            }

            if (from.StartsWith(PlatformPrefix, StringComparison.Ordinal) && to.StartsWith(KernelPrefix, StringComparison.Ordinal))
            {
                violations.Add($"{from} (platform) uses kernel type {to}");
            }

            if (from.StartsWith(KernelPrefix, StringComparison.Ordinal) && to.StartsWith(root + ".", StringComparison.Ordinal)
                && !to.StartsWith(KernelPrefix, StringComparison.Ordinal) && !to.StartsWith(PlatformPrefix, StringComparison.Ordinal))
            {
                violations.Add($"{from} (kernel) uses {to}, which is neither kernel nor platform");
            }

            if (fromModule is not null && toModule is not null && fromModule != toModule && !IsContract(to, toModule))
            {
                violations.Add($"{from} (module {fromModule}) uses {to}, an internal of module {toModule}");
            }

            if (fromModule is not null && from.StartsWith($"{ModulesPrefix}{fromModule}.Domain.", StringComparison.Ordinal)
                && (to.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) || to.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)))
            {
                violations.Add($"{from} (domain) uses infrastructure type {to}");
            }

            if (fromModule is not null && from.StartsWith($"{ModulesPrefix}{fromModule}.Domain.", StringComparison.Ordinal)
                && to.StartsWith($"{PlatformPrefix}Web.", StringComparison.Ordinal))
            {
                violations.Add($"{from} (domain) uses the web edge type {to}");
            }

            if (fromModule is not null && IsContract(from, fromModule) && toModule == fromModule && !IsContract(to, toModule))
            {
                violations.Add($"{from} (contract) exposes {to}, an internal of its own module");
            }

            if (from.StartsWith(PagesPrefix, StringComparison.Ordinal) && toModule is not null)
            {
                var area = from[PagesPrefix.Length..].Split('.')[0];
                var owner = pageAreas.GetValueOrDefault(area, area);
                if (owner != toModule && !IsContract(to, toModule))
                {
                    violations.Add($"{from} (pages of {owner}) uses {to}, an internal of module {toModule}");
                }
            }
        }

        return violations.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private string? ModuleOf(string type) =>
        type.StartsWith(ModulesPrefix, StringComparison.Ordinal) ? type[ModulesPrefix.Length..].Split('.')[0] : null;

    private bool IsContract(string type, string module) =>
        type.StartsWith($"{ModulesPrefix}{module}.Contracts.", StringComparison.Ordinal);
}
