using Eoffice.Web.Modules.Dossiers.Archive;
using Eoffice.Web.Modules.Dossiers.Contracts;
using Eoffice.Web.Modules.Dossiers.FilePlans;
using Eoffice.Web.Modules.Dossiers.Work;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;

namespace Eoffice.Web.Modules.Dossiers;

/// <summary>
/// Records (hồ sơ, Decree 30 Art. 28–31; ADR 0031): the yearly file plan (danh mục hồ sơ) first; dossiers opened from its
/// entries, filing through a contract, retention and transfer to the archive follow. The module's only door.
/// </summary>
public static class DossiersModule
{
    public static IServiceCollection AddDossiersModule(this IServiceCollection services)
    {
        services.AddSingleton<IPermissionProvider, DossiersPermissions>();
        services.AddScoped<FilePlanStore>();
        services.AddScoped<ListFilePlans>();
        services.AddScoped<GetFilePlan>();
        services.AddScoped<CreateFilePlan>();
        services.AddScoped<ChangeFilePlanSettings>();
        services.AddScoped<AddFilePlanHeading>();
        services.AddScoped<ChangeFilePlanHeading>();
        services.AddScoped<MoveFilePlanHeading>();
        services.AddScoped<RemoveFilePlanHeading>();
        services.AddScoped<AddFilePlanEntry>();
        services.AddScoped<ChangeFilePlanEntry>();
        services.AddScoped<MoveFilePlanEntry>();
        services.AddScoped<RemoveFilePlanEntry>();
        services.AddScoped<SubmitFilePlan>();
        services.AddScoped<ApproveFilePlan>();
        services.AddScoped<ReturnFilePlan>();
        services.AddScoped<CopyFilePlanForward>();
        services.AddScoped<ExportFilePlan>();
        services.AddScoped<DossierStore>();
        services.AddScoped<OpenDossier>();
        services.AddScoped<GetDossier>();
        services.AddScoped<ListDossiers>();
        services.AddScoped<FileDossierItem>();
        services.AddScoped<CloseDossier>();
        services.AddScoped<GrantDossierAccess>();
        services.AddScoped<IDossierFiling, DossierFiling>();
        services.AddScoped<KeepDossierBack>();
        services.AddScoped<ArchiveTransferStore>();
        services.AddScoped<ListDueForTransfer>();
        services.AddScoped<CreateArchiveTransfer>();
        services.AddScoped<GetArchiveTransfer>();
        services.AddScoped<CompleteArchiveTransfer>();
        services.AddScoped<ExportArchiveTransfer>();
        services.AddScoped<ArchiveTransferPackage>();
        services.AddScoped<DestroyDossiers>();
        services.AddScoped<IOpenWorkHandover, DossierOpenWorkHandover>();
        services.AddScoped<IRecurringJob, TransferDueAlerts>();
        services.AddSingleton(new NavigationItem("Nav.Dossiers", "/ho-so", DossiersPermissions.UseDossiers, NavigationSections.Main, 29));
        services.AddSingleton(new NavigationItem("Nav.DueForTransfer", TransferDueAlerts.Link, DossiersPermissions.ManageArchive, NavigationSections.Main, 29,
            [DossiersPermissions.OverseeDossiers]));
        services.AddSingleton(new NavigationItem("Nav.FilePlans", "/ho-so/danh-muc", DossiersPermissions.ViewFilePlans, NavigationSections.Main, 30));
        return services;
    }

    public static IEndpointRouteBuilder MapDossiersModule(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/dossiers").WithTags("Hồ sơ, danh mục hồ sơ").WithRequestValidation();
        ListFilePlans.Map(group);
        GetFilePlan.Map(group);
        CreateFilePlan.Map(group);
        ChangeFilePlanSettings.Map(group);
        AddFilePlanHeading.Map(group);
        ChangeFilePlanHeading.Map(group);
        MoveFilePlanHeading.Map(group);
        RemoveFilePlanHeading.Map(group);
        AddFilePlanEntry.Map(group);
        ChangeFilePlanEntry.Map(group);
        MoveFilePlanEntry.Map(group);
        RemoveFilePlanEntry.Map(group);
        SubmitFilePlan.Map(group);
        ApproveFilePlan.Map(group);
        ReturnFilePlan.Map(group);
        CopyFilePlanForward.Map(group);
        ExportFilePlan.Map(group);
        OpenDossier.Map(group);
        GetDossier.Map(group);
        ListDossiers.Map(group);
        FileDossierItem.Map(group);
        CloseDossier.Map(group);
        GrantDossierAccess.Map(group);
        KeepDossierBack.Map(group);
        ListDueForTransfer.Map(group);
        CreateArchiveTransfer.Map(group);
        GetArchiveTransfer.Map(group);
        CompleteArchiveTransfer.Map(group);
        ExportArchiveTransfer.Map(group);
        ArchiveTransferPackage.Map(group);
        DestroyDossiers.Map(group);
        return endpoints;
    }
}
