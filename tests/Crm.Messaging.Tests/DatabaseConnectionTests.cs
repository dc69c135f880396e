using Npgsql;

namespace Crm.Messaging.Tests;

public sealed class DatabaseConnectionTests
{
    [Fact]
    public void Statements_are_prepared_when_configured_unless_the_connection_string_says_how_many()
    {
        const string plain = "Host=db;Database=customerdb;Username=crm";
        var prepared = new NpgsqlConnectionStringBuilder(DatabaseConnection.WithAutoPrepare(plain, 100));
        var own = new NpgsqlConnectionStringBuilder(DatabaseConnection.WithAutoPrepare("Host=db;Database=customerdb;Max Auto Prepare=8", 100));
        var off = new NpgsqlConnectionStringBuilder(DatabaseConnection.WithAutoPrepare("Host=db;Database=customerdb;Max Auto Prepare=0", 100));

        Assert.Equal(plain, DatabaseConnection.WithAutoPrepare(plain, 0));
        Assert.Equal(100, prepared.MaxAutoPrepare);
        Assert.Equal(("db", "customerdb", "crm"), (prepared.Host, prepared.Database, prepared.Username));
        Assert.Equal((8, 0), (own.MaxAutoPrepare, off.MaxAutoPrepare));
    }
}
