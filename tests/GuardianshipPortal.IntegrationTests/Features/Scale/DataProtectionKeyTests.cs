using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuardianshipPortal.IntegrationTests.Features.Scale;

/// <summary>The data-protection key ring lives in the database; keys an earlier portal kept as files are taken in once.</summary>
public abstract class DataProtectionKeyTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Fact]
    public async Task The_running_portal_keeps_its_key_in_the_database_and_not_on_disk()
    {
        var protector = App.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        var secret = protector.Protect("callback-secret");

        var keys = await App.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().ToListAsync());
        Assert.Single(keys);
        Assert.StartsWith("key-", keys[0].FriendlyName);
        Assert.Contains("<key ", keys[0].Xml);
        Assert.False(Directory.Exists(Path.Combine(App.WorkDirectory, "keys")));
        Assert.Equal("callback-secret", protector.Unprotect(secret));
    }

    [Fact]
    public async Task Keys_kept_as_files_by_an_earlier_portal_are_copied_in_and_what_they_protected_still_opens()
    {
        // What an earlier portal did: its key ring in a folder, a partner's callback secret protected with it.
        var folder = Path.Combine(Path.GetTempPath(), "gp-tests", "old-keys-" + Guid.NewGuid().ToString("N"));
        var earlier = DataProtectionProvider.Create(new DirectoryInfo(folder), b => b.SetApplicationName("GuardianshipPortal"));
        var purpose = Web.Features.Api.PartnerCallbackSender.Purpose;
        var secret = earlier.CreateProtector(purpose).Protect("partner-secret");
        try
        {
            await using var app = new PortalApp(Fixture.Provider, seedDemo: false,
                settings: new Dictionary<string, string> { ["DataProtection:KeysPath"] = folder });
            _ = app.Server;

            var keys = await app.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().ToListAsync());
            Assert.Equal(Directory.GetFiles(folder, "*.xml").Select(Path.GetFileNameWithoutExtension).Order(), keys.Select(k => k.FriendlyName).Order());
            var now = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose);
            Assert.Equal("partner-secret", now.Unprotect(secret));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class DataProtectionKeyTestsSqlite(SqlitePortal f) : DataProtectionKeyTests(f), IClassFixture<SqlitePortal>;
public sealed class DataProtectionKeyTestsPostgres(PostgresPortal f) : DataProtectionKeyTests(f), IClassFixture<PostgresPortal>;
