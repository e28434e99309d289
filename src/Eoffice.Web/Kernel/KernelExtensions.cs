using Eoffice.Web.Kernel.Numbering;

namespace Eoffice.Web.Kernel;

/// <summary>
/// The kernel's front door. The kernel holds building blocks that belong to no single owner and that any module may
/// use (numbering today); it stands on the platform and knows no module.
/// </summary>
public static class KernelExtensions
{
    public static IServiceCollection AddEofficeKernel(this IServiceCollection services)
    {
        services.AddScoped<NumberAllocator>();
        return services;
    }
}
