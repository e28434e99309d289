using Eoffice.Web.Platform.Web;

namespace Eoffice.Web.Modules.Documents.Outgoing.Admin;

/// <summary>The administration of outgoing documents: the agency's approval processes and its outgoing settings.</summary>
internal static class OutgoingAdminArea
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<ActiveProcessGuard>();
        services.AddScoped<ListOutgoingProcesses>();
        services.AddScoped<SaveOutgoingProcess>();
        services.AddScoped<SetOutgoingProcessActive>();
        services.AddScoped<OutgoingSettingsAdmin>();
        services.AddSingleton(new NavigationItem("Nav.OutgoingProcesses", "/quan-tri/quy-trinh-van-ban-di", DocumentsPermissions.ManageRegisters,
            NavigationSections.Administration, 33));
        services.AddSingleton(new NavigationItem("Nav.OutgoingSettings", "/quan-tri/cau-hinh-van-ban-di", DocumentsPermissions.ManageRegisters,
            NavigationSections.Administration, 34));
    }

    public static void Map(RouteGroupBuilder group)
    {
        ListOutgoingProcesses.Map(group);
        SaveOutgoingProcess.Map(group);
        SetOutgoingProcessActive.Map(group);
        OutgoingSettingsAdmin.Map(group);
    }
}
