using Eoffice.Web.Platform.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Platform;

/// <summary>A line a module adds to the start-up banner (e.g. how to sign in to the demo agency).</summary>
public interface IStartupNotice
{
    string? Line(EofficeOptions options);
}

/// <summary>Tells whoever started eOffice where it listens, where its data is, and how to sign in.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<EofficeOptions>>().Value;
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var lines = new List<string>
        {
            "eOffice — Văn phòng điện tử đã sẵn sàng.",
            $"  Địa chỉ:     {string.Join(", ", addresses)}",
            $"  Dữ liệu:     {options.ResolveDataPath(app.Environment.ContentRootPath)} (CSDL: {database.Provider})",
        };
        lines.AddRange(app.Services.GetServices<IStartupNotice>().Select(n => n.Line(options)).OfType<string>());
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
