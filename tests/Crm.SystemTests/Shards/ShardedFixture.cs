namespace Crm.SystemTests.Shards;

/// <summary>
/// A local installation of its own whose sharded services (customers, dispatch, contracts, follow-ups, reports) spread
/// their stores over two PostgreSQL servers (Infra:DatabaseShards=2): "home" on the first, "shard2" on the second.
/// </summary>
public sealed class ShardedFixture : SystemFixture
{
    public const string SecondShard = "shard2";

    public static readonly string[] ShardedDatabases = ["customerdb", "dispatchdb", "contractdb", "followupdb", "reportdb"];

    protected override TimeSpan StartTimeout => TimeSpan.FromMinutes(6);

    protected override IEnumerable<string> Arguments => ["--Infra:DatabaseShards=2"];

    /// <summary>The connection string name of a service's database on a shard.</summary>
    public static string Database(string database, string shard) => shard == "home" ? database : $"{database}-{shard}";
}

[CollectionDefinition(Name)]
public sealed class ShardedCollection : ICollectionFixture<ShardedFixture>
{
    public const string Name = "sharded";
}
