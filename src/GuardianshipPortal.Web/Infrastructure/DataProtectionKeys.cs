using System.Xml.Linq;
using GuardianshipPortal.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Web.Infrastructure;

/// <summary>
/// The data-protection key ring in the portal's database (table DataProtectionKeys), on SQLite as on PostgreSQL: every
/// instance on one database protects and opens the same cookies, antiforgery tokens and partners' callback secrets, and
/// the keys are in the database's backup.
/// </summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey
        {
            FriendlyName = DataProtectionKeys.Cut(friendlyName),
            Xml = element.ToString(SaveOptions.DisableFormatting),
        });
        db.SaveChanges();
    }
}

public static class DataProtectionKeys
{
    internal static string Cut(string name) => name.Length <= DataProtectionKey.FriendlyNameLength ? name : name[..DataProtectionKey.FriendlyNameLength];

    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("GuardianshipPortal");
        services.AddSingleton<DatabaseXmlRepository>();
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, sp) => o.XmlRepository = sp.GetRequiredService<DatabaseXmlRepository>());
        return services;
    }

    /// <summary>
    /// At start, under the database's start-up lock: keys of an earlier portal kept as files (<c>DataProtection:KeysPath</c>,
    /// App_Data/keys by default) are copied into the database once, so that signed-in users and partners' callback secrets
    /// stay valid; then, when no key is usable, one is created here, so that instances starting together share one key
    /// instead of each making its own.
    /// </summary>
    public static async Task PrepareKeysAsync(this WebApplication app, PortalDbContext db)
    {
        if (!await db.DataProtectionKeys.AnyAsync())
        {
            var folder = app.Configuration["DataProtection:KeysPath"] is { Length: > 0 } path ? path : "App_Data/keys";
            var directory = new DirectoryInfo(Path.Combine(app.Environment.ContentRootPath, folder));
            if (directory.Exists)
            {
                var files = directory.GetFiles("*.xml").OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
                foreach (var file in files)
                {
                    var element = XElement.Load(file.FullName);
                    db.DataProtectionKeys.Add(new DataProtectionKey
                    {
                        FriendlyName = Cut(Path.GetFileNameWithoutExtension(file.Name)),
                        Xml = element.ToString(SaveOptions.DisableFormatting),
                    });
                }
                await db.SaveChangesAsync();
                if (files.Count > 0) app.Logger.LogInformation("Copied {Count} data-protection keys from {Folder} into the database", files.Count, folder);
            }
        }
        var keys = app.Services.GetRequiredService<IKeyManager>();
        var now = DateTimeOffset.UtcNow;
        var usable = keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now.AddDays(2));
        if (!usable)
        {
            var lifetime = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<KeyManagementOptions>>().Value.NewKeyLifetime;
            keys.CreateNewKey(now, now + lifetime);
        }
    }
}
