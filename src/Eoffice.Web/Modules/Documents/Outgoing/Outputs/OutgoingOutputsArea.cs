using Eoffice.Web.Platform.Web;

namespace Eoffice.Web.Modules.Documents.Outgoing.Outputs;

/// <summary>
/// Outputs of outgoing documents: the Sổ đăng ký văn bản đi and the report by status and drafting unit — print views,
/// .xlsx and PDF with the writers shared with the incoming outputs (<c>Modules/Documents/Outputs</c>), each marked with
/// who printed it and when, and audited.
/// </summary>
internal static class OutgoingOutputsArea
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<OutgoingReportScope>();
        services.AddScoped<OutgoingRegisterBook>();
        services.AddScoped<OutgoingReportByUnit>();
        services.AddSingleton(new NavigationItem("Nav.OutgoingReports", "/van-ban-di/so-va-bao-cao", DocumentsPermissions.ReportOutgoing, NavigationSections.Main, 27));
    }

    public static void Map(RouteGroupBuilder group)
    {
        OutgoingRegisterBook.Map(group);
        OutgoingReportByUnit.Map(group);
    }
}
