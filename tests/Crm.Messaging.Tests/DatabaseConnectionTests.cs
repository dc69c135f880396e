using Npgsql;

namespace Crm.Messaging.Tests;

public sealed class DatabaseConnectionTests
{
    [Fact]
    public void Statements_are_prepared_automatically_unless_the_connection_string_says_how_many()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseConnection.WithAutoPrepare("Host=db;Database=customerdb;Username=crm"));
        var own = new NpgsqlConnectionStringBuilder(DatabaseConnection.WithAutoPrepare("Host=db;Database=customerdb;Max Auto Prepare=8"));

        Assert.Equal(100, tuned.MaxAutoPrepare);
        Assert.Equal(("db", "customerdb", "crm"), (tuned.Host, tuned.Database, tuned.Username));
        Assert.Equal(8, own.MaxAutoPrepare);
    }
}
