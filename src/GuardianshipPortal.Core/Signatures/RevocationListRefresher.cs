using GuardianshipPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GuardianshipPortal.Signatures;

/// <summary>
/// Fetches revocation lists from the URLs the administrator gave, now and then (every <c>Signatures:CrlRefreshMinutes</c>,
/// default 60). A list replaces the stored one only when it parses and is newer; a failure is recorded on the item and
/// shown to the administrator. Of several instances on one database one fetches in a period (a job lease); were two to
/// do it, the newest list would win.
/// </summary>
public sealed class RevocationListFetcher(IHttpClientFactory http, PortalDbContext db, TimeProvider clock, ILogger<RevocationListFetcher> logger)
{
    public const string ClientName = "revocation-lists";

    /// <summary>Downloads a list; null with the reason when it cannot be had or is not a list.</summary>
    public async Task<(TrustItem? Item, string Error)> DownloadAsync(string url, CancellationToken ct)
    {
        try
        {
            var bytes = await http.CreateClient(ClientName).GetByteArrayAsync(url, ct);
            return TrustItem.Read(TrustItemKind.RevocationList, bytes) is { } item ? (item, "") : (null, "not a revocation list");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or UriFormatException)
        {
            return (null, e.Message.Length > 300 ? e.Message[..300] : e.Message);
        }
    }

    public async Task RefreshAllAsync(CancellationToken ct)
    {
        var items = await db.TrustItems.Where(i => i.IsActive && i.Kind == TrustItemKind.RevocationList && i.SourceUrl != "").ToListAsync(ct);
        foreach (var item in items)
        {
            var (fresh, error) = await DownloadAsync(item.SourceUrl, ct);
            item.RefreshedAt = clock.GetUtcNow();
            item.RefreshError = error;
            if (fresh is not null && fresh.ValidFrom >= item.ValidFrom && fresh.Sha256 != item.Sha256 &&
                !await db.TrustItems.AnyAsync(i => i.Sha256 == fresh.Sha256, ct))
            {
                (item.Bytes, item.Sha256, item.ValidFrom, item.ValidTo, item.Name) = (fresh.Bytes, fresh.Sha256, fresh.ValidFrom, fresh.ValidTo, fresh.Name);
            }
            if (error != "") logger.LogWarning("Revocation list {ItemId} could not be refreshed: {Error}", item.Id, error);
        }
        await db.SaveChangesAsync(ct);
        DatabaseTrustMaterial.Forget();
    }
}

public sealed class RevocationListRefresher(IServiceScopeFactory scopes, TimeProvider clock, TimeSpan every, ILogger<RevocationListRefresher> logger)
    : BackgroundService
{
    public const string LeaseName = "revocation-lists";

    private readonly string _holder = JobLeases.NewHolder();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(every, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                // One instance of those sharing the database fetches the lists in a period; the others read what it stored.
                if (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().TryTakeAsync(LeaseName, _holder, every, clock.GetUtcNow(), stoppingToken))
                    await scope.ServiceProvider.GetRequiredService<RevocationListFetcher>().RefreshAllAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Refreshing revocation lists failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
