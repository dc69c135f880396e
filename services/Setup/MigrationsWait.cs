namespace Crm.Setup;

/// <summary>
/// Waits until every database whose connection string is configured has no pending migration: a
/// service's pod starts only once the setup Job has brought its database up to date. Exits 1 after
/// the timeout, so that Kubernetes restarts the wait and shows why.
/// </summary>
public sealed class MigrationsWait(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<MigrationsWait> logger)
{
    public const string Argument = "--wait-for-migrations";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var timeout = configuration.GetValue("Setup:WaitTimeout", TimeSpan.FromMinutes(5));
        var interval = TimeSpan.FromSeconds(2);
        var started = clock.GetUtcNow();
        var names = SetupDatabases.Databases(configuration).Where(d => !string.IsNullOrWhiteSpace(configuration.GetConnectionString(d.Name))).ToList();
        if (names.Count == 0)
        {
            logger.LogError("No database connection string is configured: nothing to wait for");
            return 1;
        }
        while (true)
        {
            var pending = await PendingAsync(names, cancellationToken);
            if (pending.Count == 0)
            {
                logger.LogInformation("Migrated: {Databases}", string.Join(", ", names.Select(d => d.Name)));
                return 0;
            }
            if (clock.GetUtcNow() - started > timeout)
            {
                logger.LogError("Still not migrated after {Timeout}: {Pending}", timeout, string.Join("; ", pending));
                return 1;
            }
            await Task.Delay(interval, clock, cancellationToken);
        }
    }

    private async Task<List<string>> PendingAsync(IEnumerable<(string Name, Type Context)> databases, CancellationToken cancellationToken)
    {
        var pending = new List<string>();
        foreach (var (name, context) in databases)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = SetupDatabases.Open(scope.ServiceProvider, configuration, name, context);
            try
            {
                var migrations = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                if (migrations.Count > 0) pending.Add($"{name}: {migrations.Count} pending");
            }
            catch (Exception exception) when (exception is Npgsql.NpgsqlException or InvalidOperationException)
            {
                pending.Add($"{name}: {exception.Message}");
            }
        }
        return pending;
    }
}
