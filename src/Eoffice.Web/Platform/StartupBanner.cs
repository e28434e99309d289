using Eoffice.Web.Modules.Identity;
using Eoffice.Web.Platform.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Eoffice.Web.Platform;

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
        if (options.DemoMode)
        {
            lines.Add($"  Đăng nhập:   {SeedAdministrator.DemoAdministratorUserName} / {SeedAdministrator.DemoPassword} (chế độ trình diễn)");
        }
        else
        {
            lines.Add("  Đăng nhập:   bằng tài khoản do quản trị hệ thống cấp.");
        }

        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
