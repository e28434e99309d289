using Eoffice.Web.Modules.Documents.Incoming;
using Eoffice.Web.Modules.Documents.Outgoing;
using Eoffice.Web.Modules.Documents.Outgoing.Admin;
using Eoffice.Web.Modules.Documents.Outgoing.Layout;
using Eoffice.Web.Modules.Documents.Outgoing.Outputs;
using Eoffice.Web.Modules.Documents.Outputs;
using Eoffice.Web.Modules.Documents.Registers;
using Eoffice.Web.Modules.Search.Contracts;
using Eoffice.Web.Platform;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Web;

namespace Eoffice.Web.Modules.Documents;

/// <summary>Registers, incoming documents (văn bản đến: receive, register, route, handle, track) and outgoing documents (văn bản đi: draft, review, issue). The module's only door.</summary>
public static class DocumentsModule
{
    public static IServiceCollection AddDocumentsModule(this IServiceCollection services)
    {
        services.AddSingleton<IPermissionProvider, DocumentsPermissions>();
        services.AddScoped<IncomingAccessControl>();
        services.AddScoped<Contracts.IDocumentAccess, DocumentAccess>();
        services.AddScoped<IFileAccessPolicy, IncomingFileAccessPolicy>();
        services.AddScoped<Copies.DocumentCopies>();
        services.AddScoped<Copies.CopyFileAccessPolicy>();
        services.AddScoped<IFileAccessPolicy>(sp => sp.GetRequiredService<Copies.CopyFileAccessPolicy>());
        services.AddScoped<IncomingDefaults>();
        services.AddScoped<IncomingRegisterQuery>();
        services.AddScoped<PrintMarks>();
        services.AddScoped<ReportFiles>();
        services.AddScoped<IStartupSeeder, SeedDemoIncoming>();
        services.AddScoped<IStartupSeeder, SeedDemoIncomingDocuments>();

        IncomingRegistrationArea.Add(services);
        IncomingHandlingArea.Add(services);
        IncomingListsArea.Add(services);
        IncomingOutputsArea.Add(services);
        OutgoingLayoutArea.Add(services);
        OutgoingArea.Add(services);
        OutgoingAdminArea.Add(services);
        OutgoingOutputsArea.Add(services);
        services.AddSearchSource<IncomingSearchSource>(IncomingSearchSource.KindCode, Contracts.IncomingDocumentEvents.All);
        services.AddSearchSource<OutgoingSearchSource>(OutgoingSearchSource.KindCode, Contracts.OutgoingDocumentEvents.All);

        services.AddSingleton(new NavigationItem("Nav.Incoming", "/van-ban-den", DocumentsPermissions.ViewIncoming, NavigationSections.Main, 20));
        services.AddSingleton(new NavigationItem("Nav.IncomingRegister", "/van-ban-den/vao-so", DocumentsPermissions.RegisterIncoming, NavigationSections.Main, 21));
        services.AddSingleton(new NavigationItem("Nav.PendingIncoming", "/van-ban-den/cho-tiep-nhan", DocumentsPermissions.RegisterIncoming, NavigationSections.Main, 22));
        services.AddSingleton(new NavigationItem("Nav.IncomingReports", "/van-ban-den/so-va-bao-cao", DocumentsPermissions.ReportIncoming, NavigationSections.Main, 23));
        services.AddSingleton(new NavigationItem("Nav.Registers", "/quan-tri/so-van-ban", DocumentsPermissions.ManageRegisters, NavigationSections.Administration, 30));
        services.AddSingleton(new NavigationItem("Nav.IncomingRouting", "/quan-tri/luong-van-ban-den", DocumentsPermissions.ManageRegisters, NavigationSections.Administration, 31));
        return services;
    }

    public static IEndpointRouteBuilder MapDocumentsModule(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/documents").WithTags("Văn bản").WithRequestValidation();
        IncomingRegistrationArea.Map(group);
        IncomingHandlingArea.Map(group);
        IncomingListsArea.Map(group);
        IncomingOutputsArea.Map(group);
        OutgoingLayoutArea.Map(group);
        OutgoingArea.Map(group);
        OutgoingAdminArea.Map(group);
        OutgoingOutputsArea.Map(group);
        Copies.DocumentCopies.Map(group);
        PublicVerification.Map(endpoints);
        return endpoints;
    }
}
