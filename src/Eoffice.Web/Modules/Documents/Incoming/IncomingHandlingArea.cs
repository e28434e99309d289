using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Modules.Identity.Contracts;
using Eoffice.Web.Platform.Jobs;

namespace Eoffice.Web.Modules.Documents.Incoming;

/// <summary>Route and handle incoming documents: routing policy, the handling actions, the document's page data, the settings, handover.</summary>
internal static class IncomingHandlingArea
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<RoutingPolicy>();
        services.AddScoped<IncomingHandling>();
        services.AddScoped<PresentIncoming>();
        services.AddScoped<ForwardIncoming>();
        services.AddScoped<ReturnIncoming>();
        services.AddScoped<AddIncomingOpinion>();
        services.AddScoped<GiveIncomingFeedback>();
        services.AddScoped<FinishIncoming>();
        services.AddScoped<ConfirmIncomingResult>();
        services.AddScoped<ReceiveIncomingForUnit>();
        services.AddScoped<RevokeAssignment>();
        services.AddScoped<ReassignAssignment>();
        services.AddScoped<StartIncomingReply>();
        services.AddScoped<GrantIncomingAccess>();
        services.AddScoped<GetIncomingDocument>();
        services.AddScoped<GetIncomingRecipients>();
        services.AddScoped<IncomingSettingsAdmin>();
        services.AddScoped<IOpenWorkHandover, IncomingOpenWorkHandover>();

        // The documents' history, published to whoever listens (Contracts/IncomingDocumentEvents), and the first listener.
        services.AddOutboxEvents<TimelineEvent>(IncomingDocumentEvents.All);
        services.AddOutboxSubscriber<TimelineEvent, IncomingNotifications>(IncomingNotifications.Events);
    }

    public static void Map(RouteGroupBuilder group)
    {
        IncomingSettingsAdmin.Map(group);
        FinishIncoming.Map(group);
        ConfirmIncomingResult.Map(group);
        ReceiveIncomingForUnit.Map(group);
        GetIncomingDocument.Map(group);
        GetIncomingRecipients.Map(group);
        PresentIncoming.Map(group);
        ForwardIncoming.Map(group);
        ReturnIncoming.Map(group);
        AddIncomingOpinion.Map(group);
        GiveIncomingFeedback.Map(group);
        RevokeAssignment.Map(group);
        ReassignAssignment.Map(group);
        StartIncomingReply.Map(group);
        GrantIncomingAccess.Map(group);
    }
}
