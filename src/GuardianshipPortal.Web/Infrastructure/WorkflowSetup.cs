using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Cases;
using System.Threading.RateLimiting;
using GuardianshipPortal.Documents.Layout;
using GuardianshipPortal.Web.Features.Cases;
using GuardianshipPortal.Web.Features.Documents;

namespace GuardianshipPortal.Web.Infrastructure;

public static class WorkflowSetup
{
    public const string VerifyPolicy = "verify";

    /// <summary>The office workflow: deadlines, transitions, registration, and the case page with its step runner.</summary>
    public static IServiceCollection AddPortalWorkflow(this IServiceCollection services)
    {
        // The services offered: the five of SPEC §3 plus any further ServiceDefinition registered in the container.
        services.AddSingleton(sp => new ServiceCatalog(sp.GetServices<ServiceDefinition>()));
        services.AddSingleton<PublicAddress>();
        // Requests for any other host are refused (400) once the public address is configured and AllowedHosts is left at
        // "*": the portal answers to its own name only (and to localhost, for health probes on the machine itself).
        services.AddOptions<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>().PostConfigure<IConfiguration>((o, configuration) =>
        {
            var configured = configuration["Portal:PublicUrl"];
            if (o.AllowedHosts.Any(h => h != "*") || !Uri.TryCreate(configured, UriKind.Absolute, out var uri)) return;
            o.AllowedHosts = [uri.IdnHost, "localhost", "127.0.0.1"];
        });
        services.AddScoped<Deadlines>();
        services.AddSingleton<CalendarCache>();
        services.AddSingleton<RegulationCache>();
        services.AddScoped<CaseSteps>();
        services.AddScoped<DigitalSigning>();
        services.AddScoped<OutgoingRegister>();
        services.AddScoped<Features.Admin.OfficeEmblem>();
        services.AddSingleton<NcaLayer>();
        services.AddScoped<StepResponses>();
        services.AddScoped<Features.Queues>();
        services.AddScoped<Features.Home.QueueCounts>();
        services.AddScoped<Features.Resolution.ResolutionPhrases>();
        services.AddScoped<CaseTransitions>();
        services.AddScoped<CaseRegistration>();
        services.AddScoped<CasePages>();
        services.AddScoped<StepRunner>();
        services.AddSingleton<IDocumentRenderer, PdfRenderer>();
        services.AddScoped<DocumentComposer>();
        services.AddScoped<DocumentIssuer>();
        services.AddScoped<IResultDocuments>(sp => sp.GetRequiredService<DocumentIssuer>());
        services.AddScoped<Receipts>();
        services.AddScoped<Features.Journals.Journals>();
        services.AddScoped<Features.Dashboard.Dashboards>();
        services.AddMemoryCache();
        services.AddScoped<Features.Dashboard.RiskForecasts>();
        services.AddScoped<Features.Dashboard.OfficeHistory>();
        services.AddScoped<Features.Api.RequestIntake>();
        // The public verification page answers anyone: a budget per address keeps guessing codes slow.
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(VerifyPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) }));
            // Per partner (its key id; the limiter runs before authentication), per instance of the portal.
            o.AddPolicy(Features.Api.PartnerApi.RatePolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                Partners.PartnerKeys.TryParse(context.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.OrdinalIgnoreCase), out var keyId, out _)
                    ? keyId : "anonymous:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }
}
