using GuardianshipPortal.Data;
using Npgsql;

namespace GuardianshipPortal.UnitTests;

public sealed class PortalDatabaseTests
{
    [Fact]
    public void PostgreSQL_connections_prepare_statements_and_skip_the_reset_unless_the_connection_string_says_otherwise()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PortalDatabase.Tuned("Host=db;Database=portal;Username=portal"));
        Assert.Equal(100, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("portal", tuned.Database);

        var given = new NpgsqlConnectionStringBuilder(PortalDatabase.Tuned("Host=db;Database=portal;Max Auto Prepare=0;NoResetOnClose=false"));
        Assert.Equal(0, given.MaxAutoPrepare);
        Assert.False(given.NoResetOnClose);
    }
}
