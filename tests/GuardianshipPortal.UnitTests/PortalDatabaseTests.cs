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
        Assert.Equal(PortalDatabase.GenericPlans, tuned.Options);

        var given = new NpgsqlConnectionStringBuilder(PortalDatabase.Tuned("Host=db;Database=portal;Max Auto Prepare=0;NoResetOnClose=false"));
        Assert.Equal(0, given.MaxAutoPrepare);
        Assert.False(given.NoResetOnClose);
    }

    [Fact]
    public void The_read_connections_keep_planning_for_the_values_and_given_options_are_kept()
    {
        var reads = new NpgsqlConnectionStringBuilder(PortalDatabase.Tuned("Host=db;Database=portal;Username=portal", reads: true));
        Assert.Null(reads.Options);
        Assert.Equal(100, reads.MaxAutoPrepare);

        var given = new NpgsqlConnectionStringBuilder(PortalDatabase.Tuned("Host=db;Database=portal;Options=-c statement_timeout=5000"));
        Assert.Equal("-c statement_timeout=5000", given.Options);
    }
}
