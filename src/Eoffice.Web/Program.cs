using Eoffice.Web.Kernel;
using Eoffice.Web.Modules.Cabinet;
using Eoffice.Web.Modules.Documents;
using Eoffice.Web.Modules.Dossiers;
using Eoffice.Web.Modules.Exchange;
using Eoffice.Web.Modules.Identity;
using Eoffice.Web.Modules.Organization;
using Eoffice.Web.Modules.Search;
using Eoffice.Web.Modules.Signing;
using Eoffice.Web.Platform;

var builder = WebApplication.CreateBuilder(args);

builder.AddEofficePlatform();
builder.Services.AddEofficeKernel();
builder.Services.AddOrganizationModule();
builder.Services.AddIdentityModule();
builder.Services.AddDocumentsModule();
builder.Services.AddSigningModule();
builder.Services.AddSearchModule();
builder.Services.AddExchangeModule();
builder.Services.AddDossiersModule();
builder.Services.AddCabinetModule();

var app = builder.Build();

app.UseEofficePlatform();
app.UseIdentityModule();
app.MapOrganizationModule();
app.MapIdentityModule();
app.MapDocumentsModule();
app.MapSigningModule();
app.MapSearchModule();
app.MapExchangeModule();
app.MapDossiersModule();
app.MapCabinetModule();

if (await app.TryRunCommandAsync(args) is { } exitCode)
{
    return exitCode;
}

await app.PrepareDatabaseAsync();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();
return 0;

/// <summary>Entry point; public so that tests can host the application.</summary>
public partial class Program;
