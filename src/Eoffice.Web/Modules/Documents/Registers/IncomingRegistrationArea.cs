using Eoffice.Web.Platform.Jobs;

namespace Eoffice.Web.Modules.Documents.Registers;

/// <summary>Registers, the organ directory, registration of incoming documents and the "chờ tiếp nhận" list.</summary>
internal static class IncomingRegistrationArea
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<ListRegisters>();
        services.AddScoped<SaveRegister>();
        services.AddScoped<SetRegisterKeepers>();
        services.AddScoped<SearchOrgans>();
        services.AddScoped<Reading.ProposeIncomingFields>();
        services.AddScoped<IncomingRegistrar>();
        services.AddScoped<RegisterIncoming>();
        services.AddScoped<EditIncoming>();
        services.AddScoped<ElectronicArrivals>();
        services.AddScoped<Contracts.IElectronicArrivals>(sp => sp.GetRequiredService<ElectronicArrivals>());
        services.AddScoped<ReceivePending>();
        services.AddOutboxEvents<Contracts.ArrivalRefused>(Contracts.ElectronicArrivalEvents.Refusals);
        services.AddOutboxEvents<Contracts.ArrivalRecallDecided>(Contracts.ElectronicArrivalEvents.RecallDecisions);
        services.AddScoped<DecidePending>();
        services.AddScoped<Platform.IStartupSeeder, SeedDemoOrgans>();
    }

    public static void Map(RouteGroupBuilder group)
    {
        ListRegisters.Map(group);
        SaveRegister.Map(group);
        SetRegisterKeepers.Map(group);
        SearchOrgans.Map(group);
        Reading.ProposeIncomingFields.Map(group);
        RegisterIncoming.Map(group);
        EditIncoming.Map(group);
        ReceivePending.Map(group);
        DecidePending.Map(group);
    }
}
