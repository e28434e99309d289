using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Security;
using Eoffice.Web.Platform.Web;

namespace Eoffice.Web.Modules.Exchange;

/// <summary>
/// Document exchange with other agencies (liên thông văn bản, ADR 0030): the edXML wire format (<c>Edxml/</c>), the
/// exchange directory of partner agencies, the receive endpoint and its received-package rows. The module's only door.
/// </summary>
public static class ExchangeModule
{
    public static IServiceCollection AddExchangeModule(this IServiceCollection services)
    {
        services.AddSingleton<IPermissionProvider, ExchangePermissions>();
        services.AddScoped<PartnerDirectory>();
        services.AddScoped<AgencyEdxmlKeys>();
        services.AddScoped<ListPartners>();
        services.AddScoped<GetPartner>();
        services.AddScoped<CreatePartner>();
        services.AddScoped<UpdatePartner>();
        services.AddScoped<ReceivePackage>();
        services.AddScoped<ListDeliveries>();
        services.AddScoped<GetReconciliation>();
        services.AddScoped<ResendOutstanding>();

        // Sending (ADR 0030 §15–§19): one transport per channel; deliveries and statuses are outbox commands, retried with its back-off.
        services.AddHttpClient(EofficeHttpsTransport.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(100));
        services.AddScoped<IExchangeTransport, EofficeHttpsTransport>();
        services.AddScoped<ExchangeTransports>();
        services.AddOptions<Email.OfficialMailOptions>().BindConfiguration(Email.OfficialMailOptions.Section);
        services.AddSingleton<Email.OfficialMail>();
        services.AddOutboxSubscriber<TimelineEvent, SendIssuedDocument>(SendIssuedDocument.Events);
        services.AddOutboxHandler<ExchangeDeliveryDue, DeliverPackage>(ExchangeDeliveryDue.TypeName);
        services.AddOutboxSubscriber<TimelineEvent, ReportStatus>(ReportStatus.Events);
        services.AddOutboxSubscriber<ArrivalRefused, ReportStatus>(ElectronicArrivalEvents.Refusals);
        services.AddOutboxSubscriber<ArrivalRecallDecided, ReportStatus>(ElectronicArrivalEvents.RecallDecisions);
        services.AddScoped<StatusPackages>();
        services.AddOutboxHandler<ExchangeStatusDue, SendStatusReport>(ExchangeStatusDue.TypeName);
        services.AddScoped<RecallDelivery>();
        services.AddOutboxHandler<ExchangeRecallDue, SendRecallRequest>(ExchangeRecallDue.TypeName);
        services.AddOutboxSubscriber<TimelineEvent, RecallWithdrawnDocument>(RecallWithdrawnDocument.Events);
        services.AddScoped<AcknowledgementAlerts>();
        services.AddScoped<IRecurringJob>(sp => sp.GetRequiredService<AcknowledgementAlerts>());
        services.AddSingleton(new NavigationItem("Nav.ExchangePartners", "/quan-tri/lien-thong", ExchangePermissions.ManagePartners,
            NavigationSections.Administration, 45));
        return services;
    }

    public static IEndpointRouteBuilder MapExchangeModule(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/exchange").WithTags("Liên thông văn bản").WithRequestValidation();
        ListPartners.Map(group);
        GetPartner.Map(group);
        CreatePartner.Map(group);
        UpdatePartner.Map(group);
        ReceivePackage.Map(group);
        ListDeliveries.Map(group);
        RecallDelivery.Map(group);
        GetReconciliation.Map(group);
        ResendOutstanding.Map(group);
        return endpoints;
    }
}
