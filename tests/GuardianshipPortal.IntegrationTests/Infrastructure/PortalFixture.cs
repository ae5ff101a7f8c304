using GuardianshipPortal.Data;

namespace GuardianshipPortal.IntegrationTests.Infrastructure;

/// <summary>
/// One running portal shared by the tests of one class. Each test class runs once per provider through
/// the two sealed fixtures below (the bitwarden/server pattern: the same test on every database).
/// </summary>
public abstract class PortalFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private PortalApp? _app;

    public DatabaseProvider Provider { get; } = provider;

    /// <summary>Why the tests of this fixture are skipped on this machine; null when they run.</summary>
    public string? SkipReason { get; private set; }

    public PortalApp App => _app ?? throw new InvalidOperationException(SkipReason ?? "The portal was not started.");

    public async ValueTask InitializeAsync()
    {
        SkipReason = Provider == DatabaseProvider.Postgres
            ? TestEnvironment.Require(TestEnvironment.PostgresConnection is not null, $"PostgreSQL ({TestEnvironment.PostgresVariable})")
            : null;
        if (SkipReason is null)
        {
            _app = new PortalApp(Provider);
            _ = _app.Server; // boots the host: migrations and demo seeding happen here
            await _app.SetCurrentMrpAsync(4325m); // lump sums need this year's MRP, whichever year the tests run in
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqlitePortal() : PortalFixture(DatabaseProvider.Sqlite);

public sealed class PostgresPortal() : PortalFixture(DatabaseProvider.Postgres);

/// <summary>Base of every test class that needs a running portal.</summary>
public abstract class PortalTest
{
    protected PortalTest(PortalFixture fixture)
    {
        if (fixture.SkipReason is { } reason) Assert.Skip(reason);
        Fixture = fixture;
    }

    protected PortalFixture Fixture { get; }
    protected PortalApp App => Fixture.App;

    protected PortalClient NewClient() => new(App);
}
