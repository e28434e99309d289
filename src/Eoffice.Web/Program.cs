using Eoffice.Web.Modules.Identity;
using Eoffice.Web.Modules.Organization;
using Eoffice.Web.Platform;

var builder = WebApplication.CreateBuilder(args);

builder.AddEofficePlatform();
builder.Services.AddIdentityModule();
builder.Services.AddOrganizationModule();

var app = builder.Build();

app.UseEofficePlatform();
app.MapIdentityModule();
app.MapOrganizationModule();

await app.PrepareDatabaseAsync();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();

/// <summary>Entry point; public so that tests can host the application.</summary>
public partial class Program;
