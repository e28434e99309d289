using System.Reflection;
using System.Runtime.InteropServices;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Eoffice.Web.Platform.Signing;

/// <summary>
/// Pkcs11Interop loads vendor libraries through <c>dlopen</c>, which it imports from "libdl". Since glibc 2.34 that
/// library exists only as <c>libdl.so.2</c> (no unversioned name without the -dev package, as on Debian 12), so the
/// import fails before any token is reached. This resolver maps the name once for the Pkcs11Interop assembly; every
/// caller that touches Pkcs11Interop calls <see cref="EnsureRegistered"/> first.
/// </summary>
public static class Pkcs11NativeLoader
{
    private static readonly Lazy<bool> Registered = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureRegistered() => _ = Registered.Value;

    private static bool Register()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        NativeLibrary.SetDllImportResolver(typeof(Pkcs11InteropFactories).Assembly, Resolve);
        return true;
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName is "libdl" or "dl" && NativeLibrary.TryLoad("libdl.so.2", out var handle))
        {
            return handle;
        }

        return IntPtr.Zero;
    }
}
