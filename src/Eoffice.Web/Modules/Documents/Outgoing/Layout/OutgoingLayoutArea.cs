namespace Eoffice.Web.Modules.Documents.Outgoing.Layout;

/// <summary>The outgoing document in Decree 30 layout: the writer, the agencies' templates and their administration.</summary>
internal static class OutgoingLayoutArea
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<OfficialLayoutWriter>();
        services.AddScoped<OutgoingTemplates>();
        services.AddScoped<ListOutgoingTemplates>();
        services.AddScoped<DownloadOutgoingTemplate>();
        services.AddScoped<ReplaceOutgoingTemplate>();
        services.AddScoped<RevertOutgoingTemplate>();
        services.AddSingleton(new Platform.Web.NavigationItem("Nav.OutgoingTemplates", "/quan-tri/mau-van-ban-di", DocumentsPermissions.ManageRegisters,
            Platform.Web.NavigationSections.Administration, 32));
    }

    public static void Map(RouteGroupBuilder group)
    {
        ListOutgoingTemplates.Map(group);
        DownloadOutgoingTemplate.Map(group);
        ReplaceOutgoingTemplate.Map(group);
        RevertOutgoingTemplate.Map(group);
    }
}
