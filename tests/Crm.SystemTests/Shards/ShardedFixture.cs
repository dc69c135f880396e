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

    /// <summary>The store directory read every 2 s and 2 s for work in flight: a store moves in seconds.</summary>
    protected override IEnumerable<string> Arguments => ["--Infra:DatabaseShards=2", "--Database:PlacementRefresh=00:00:02", "--Database:MoveSettle=00:00:02"];

    /// <summary>The connection string name of a service's database on a shard.</summary>
    public static string Database(string database, string shard) => shard == "home" ? database : $"{database}-{shard}";
}

[CollectionDefinition(Name)]
public sealed class ShardedCollection : ICollectionFixture<ShardedFixture>
{
    public const string Name = "sharded";
}
