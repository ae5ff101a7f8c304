using GuardianshipPortal.Messaging;

namespace GuardianshipPortal.Web.Infrastructure;

/// <summary>
/// The outbox and its channels. <c>Notifications:Sink</c> = "Folder" (the default everywhere but Production) writes every
/// message to <c>Notifications:Folder</c> (App_Data/outbox); "Live" sends e-mail through <c>Notifications:Smtp</c> and
/// SMS through <c>Notifications:Sms</c> when they are configured. A background dispatcher delivers what is due every
/// <c>Notifications:PollSeconds</c> (default 5) unless <c>Notifications:Dispatch</c> is false.
/// </summary>
public static class NotificationSetup
{
    public static IServiceCollection AddPortalNotifications(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Notifications");
        var options = new OutboxOptions();
        section.GetSection("Retry").Bind(options);
        services.AddSingleton(options);
        services.AddScoped<OutboxDispatcher>();

        var live = string.Equals(section["Sink"] ?? (environment.IsProduction() ? "Live" : "Folder"), "Live",
            StringComparison.OrdinalIgnoreCase);
        if (!live)
        {
            var folder = section["Folder"] is { Length: > 0 } f ? f : "App_Data/outbox";
            if (!Path.IsPathRooted(folder)) folder = Path.Combine(environment.ContentRootPath, folder);
            foreach (var channel in new[] { OutboxChannel.Sms, OutboxChannel.Email })
                services.AddSingleton<IMessageSender>(new FolderSink(folder, channel));
        }
        else
        {
            var smtp = section.GetSection("Smtp").Get<SmtpOptions>() ?? new SmtpOptions();
            if (smtp.Host != "") services.AddSingleton<IMessageSender>(new SmtpEmailSender(smtp));
            var sms = section.GetSection("Sms").Get<SmsGatewayOptions>() ?? new SmsGatewayOptions();
            if (sms.Url != "")
            {
                services.AddHttpClient("sms", c => c.Timeout = TimeSpan.FromSeconds(20));
                services.AddSingleton<IMessageSender>(sp => new SmsGatewaySender(sp.GetRequiredService<IHttpClientFactory>().CreateClient("sms"), sms));
            }
        }
        var every = TimeSpan.FromSeconds(Math.Max(1, section.GetValue("PollSeconds", 5)));
        // Tests switch the background dispatcher off (Notifications:Dispatch=false) and dispatch when they choose.
        if (section.GetValue("Dispatch", true)) services.AddHostedService(sp => new OutboxWorker(sp.GetRequiredService<IServiceScopeFactory>(), every, sp.GetRequiredService<ILogger<OutboxWorker>>()));
        // Partners hear of their requests' events at their callback URL (in every mode: partners are configured explicitly).
        services.AddHttpClient("partner-callbacks", c => c.Timeout = TimeSpan.FromSeconds(20));
        services.AddScoped<IMessageSender, Features.Api.PartnerCallbackSender>();
        services.AddScoped<Features.Api.PartnerCallbacks>();
        services.AddScoped<GuardianshipPortal.Cases.ICaseObserver>(sp => sp.GetRequiredService<Features.Api.PartnerCallbacks>());
        // The applicant is told of the changes of their case, in the same unit of work as the change.
        services.AddScoped<GuardianshipPortal.Cases.ICaseObserver, Features.Notifications.ApplicantNotifications>();
        // The escalation ladder's reminders, every Escalation:PollMinutes (tests run them when they choose).
        services.AddScoped<Features.Terms.EscalationReminders>();
        var escalation = configuration.GetSection("Escalation");
        if (escalation.GetValue("Run", true))
            services.AddHostedService(sp => new Features.Terms.EscalationWorker(sp.GetRequiredService<IServiceScopeFactory>(),
                TimeSpan.FromMinutes(Math.Max(1, escalation.GetValue("PollMinutes", 5))), sp.GetRequiredService<ILogger<Features.Terms.EscalationWorker>>()));
        // The offices' history read in the background (forecast models, step times, closed-case figures); tests run it when they choose.
        var forecast = configuration.GetSection("Forecast");
        if (forecast.GetValue("Run", true))
            services.AddHostedService(sp => new Features.Dashboard.OfficeHistoryWorker(sp.GetRequiredService<IServiceScopeFactory>(),
                sp.GetRequiredService<TimeProvider>(), TimeSpan.FromMinutes(Math.Max(1, forecast.GetValue("RefreshMinutes", 30))),
                sp.GetRequiredService<ILogger<Features.Dashboard.OfficeHistoryWorker>>()));
        return services;
    }
}

/// <summary>Runs the dispatcher in the background, round after round, while there is something due.</summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, TimeSpan every, ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                int tried;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    tried = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(stoppingToken);
                }
                while (tried > 0 && !stoppingToken.IsCancellationRequested);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Outbox dispatch failed");
            }
        }
    }
}
