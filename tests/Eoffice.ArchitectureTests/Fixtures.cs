// Deliberately broken code that the boundary rules must catch (and one legal use they must allow).
#pragma warning disable CA1822, IDE0051, CA1812

namespace Eoffice.ArchitectureTests.Fixtures.Modules.Beta.Domain
{
    internal sealed class Secret
    {
        public Microsoft.AspNetCore.Http.HttpContext? Context { get; set; }
    }
}

namespace Eoffice.ArchitectureTests.Fixtures.Modules.Beta.Contracts
{
    internal sealed record PublicFact(string Value);

    internal sealed class LeakyContract
    {
        public Beta.Domain.Secret? Leak { get; set; }
    }
}

namespace Eoffice.ArchitectureTests.Fixtures.Modules.Alpha
{
    internal sealed class UsesBetaInsideALambda
    {
        public Func<object> Make() => () => new Beta.Domain.Secret();
    }

    internal sealed class UsesBetaContract
    {
        public Beta.Contracts.PublicFact Fact() => new("ok");
    }
}

namespace Eoffice.ArchitectureTests.Fixtures.Platform
{
    internal sealed class PlatformService
    {
        public string Describe() => new Modules.Alpha.UsesBetaContract().ToString() ?? string.Empty;
    }
}

namespace Eoffice.ArchitectureTests.Fixtures.Kernel
{
    internal sealed class KernelBlockUsingAModule
    {
        // Even a module's contracts are out of the kernel's reach.
        public object Fact() => new Modules.Beta.Contracts.PublicFact("kernel");
    }

    internal sealed class KernelBlockOnThePlatform
    {
        public string Describe() => new Platform.PlatformService().Describe();
    }
}

namespace Eoffice.ArchitectureTests.Fixtures.Platform
{
    internal sealed class PlatformServiceUsingTheKernel
    {
        public object Block() => new Kernel.KernelBlockOnThePlatform();
    }
}
