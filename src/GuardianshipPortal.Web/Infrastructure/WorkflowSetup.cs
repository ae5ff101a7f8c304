using GuardianshipPortal.Cases;
using GuardianshipPortal.Web.Features.Cases;

namespace GuardianshipPortal.Web.Infrastructure;

public static class WorkflowSetup
{
    /// <summary>The office workflow: deadlines, transitions, registration, and the case page with its step runner.</summary>
    public static IServiceCollection AddPortalWorkflow(this IServiceCollection services)
    {
        services.AddScoped<Deadlines>();
        services.AddScoped<CaseTransitions>();
        services.AddScoped<CaseRegistration>();
        services.AddScoped<CasePages>();
        services.AddScoped<StepRunner>();
        return services;
    }
}
