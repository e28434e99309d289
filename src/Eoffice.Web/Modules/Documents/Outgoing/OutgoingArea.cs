using Eoffice.Web.Kernel.Handling;
using Eoffice.Web.Modules.Documents.Contracts;
using Eoffice.Web.Platform.Jobs;
using Eoffice.Web.Platform.Storage;
using Eoffice.Web.Platform.Web;

namespace Eoffice.Web.Modules.Documents.Outgoing;

/// <summary>Draft, review, approve, issue and withdraw outgoing documents (văn bản đi): the use cases, their routes and their events.</summary>
internal static class OutgoingArea
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<OutgoingAccessControl>();
        services.AddScoped<OutgoingHandling>();
        services.AddScoped<OutgoingProcesses>();
        services.AddScoped<OutgoingChainHolders>();
        services.AddScoped<OutgoingContentBuilder>();
        services.AddScoped<OutgoingLayouts>();
        services.AddScoped<CreateOutgoing>();
        services.AddScoped<ReviseOutgoing>();
        services.AddScoped<OutgoingDigitalSignatures>();
        services.AddScoped<PublicVerification>();
        services.AddScoped<OutgoingReview>();
        services.AddScoped<IssueOutgoing>();
        services.AddScoped<WithdrawOutgoing>();
        services.AddScoped<GetOutgoingDocument>();
        services.AddScoped<IIssuedDocuments, IssuedDocuments>();
        services.AddScoped<ListOutgoing>();
        services.AddScoped<OutgoingConsultationReminders>();
        services.AddScoped<IRecurringJob>(sp => sp.GetRequiredService<OutgoingConsultationReminders>());
        services.AddScoped<IFileAccessPolicy, OutgoingFileAccessPolicy>();
        services.AddScoped<Platform.IStartupSeeder, SeedDemoOutgoing>();
        services.AddSingleton(new NavigationItem("Nav.Outgoing", "/van-ban-di", DocumentsPermissions.DraftOutgoing, NavigationSections.Main, 24));

        // The outgoing documents' history, published through the outbox like the incoming documents'.
        services.AddOutboxEvents<TimelineEvent>(OutgoingDocumentEvents.All);
        services.AddOutboxSubscriber<TimelineEvent, OutgoingNotifications>(OutgoingNotifications.Events);
    }

    public static void Map(RouteGroupBuilder group)
    {
        ListOutgoing.Map(group);
        GetOutgoingDocument.Map(group);
        CreateOutgoing.Map(group);
        ReviseOutgoing.Map(group);
        OutgoingReview.Map(group);
        IssueOutgoing.Map(group);
        WithdrawOutgoing.Map(group);
    }
}
