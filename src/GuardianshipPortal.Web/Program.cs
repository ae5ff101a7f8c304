using GuardianshipPortal.Web.Features.Registration;
using GuardianshipPortal.Web.Infrastructure;
using Serilog;
using Serilog.Extensions.Logging;

var builder = WebApplication.CreateBuilder(args);

// Serilog is built from the final configuration (sinks in appsettings.json, "Serilog" section).
builder.Logging.ClearProviders();
builder.Services.AddSingleton<ILoggerProvider>(sp => new SerilogLoggerProvider(
    new LoggerConfiguration().ReadFrom.Configuration(sp.GetRequiredService<IConfiguration>()).Enrich.With<MaskingEnricher>().CreateLogger(),
    dispose: true));

builder.Services.AddPortalDatabase(builder.Configuration, builder.Environment);
builder.Services.AddPortalIdentity(builder.Configuration, builder.Environment);
builder.Services.AddPortalLocalization();
builder.Services.AddPortalMvc();
builder.Services.AddDeskCache();
builder.Services.AddPortalWorkflow();
builder.Services.AddPortalSignatures(builder.Configuration);
// The partner API's description (only /api routes), for integrators: /api/v1/openapi.json.
builder.Services.AddOpenApi("v1", o => o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true);
builder.Services.AddPortalNotifications(builder.Configuration, builder.Environment);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddPortalForwardedHeaders(builder.Configuration);
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);

var app = builder.Build();

if (args is ["backup", var backupFile])
{
    Environment.ExitCode = await DatabaseBackup.RunAsync(app, backupFile);
    return;
}

// Fail at start, not at the first document, when the public address is missing in Production.
_ = app.Services.GetRequiredService<PublicAddress>();
await app.InitializePortalDatabaseAsync();

app.UseForwardedHeaders();
app.UseSecurityHeaders();
app.UseMiddleware<RequestLoggingMiddleware>();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseTemporaryPasswordChange();
app.UseUploadLimits();
app.UseOutputCache();

app.MapPortalHealthChecks();
app.MapOpenApi("/api/{documentName}/openapi.json").AllowAnonymous();
app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");

await app.RunAsync();

/// <summary>Entry point; public so that the integration tests can host the app.</summary>
public partial class Program;
