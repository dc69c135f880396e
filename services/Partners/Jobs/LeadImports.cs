using Microsoft.Extensions.Options;

namespace Crm.Partners.Jobs;

public sealed class ImportOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Rows committed together, with the job's progress.</summary>
    public int BatchSize { get; set; } = 500;
}

/// <summary>
/// Works through marketing's uploads in the background, a batch of rows per transaction: good rows become leads
/// (announced like a partner's), bad rows are recorded by row number and reason, and the job's progress is saved
/// with them, so that a restart carries on after the last committed batch and no row is imported twice.
/// </summary>
public sealed class LeadImports(IServiceScopeFactory scopes, IOptions<ImportOptions> options, TimeProvider clock, ILogger<LeadImports> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken)) { }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Working through a lead upload failed; trying again shortly.");
            }
            await Task.Delay(options.Value.PollInterval, clock, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    /// <summary>Works one waiting job to its end; answers whether there was one.</summary>
    private async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerDbContext>();
        var job = await db.ImportJobs.AsNoTracking().Where(j => j.State == ImportState.Queued || j.State == ImportState.Running)
            .OrderBy(j => j.UploadedAt).FirstOrDefaultAsync(stoppingToken);
        if (job is null) return false;

        var (rows, problem) = LeadFile.Read(job.Content, job.Format);
        var batches = scope.ServiceProvider.GetRequiredService<ImportBatches>();
        if (problem is not null)
        {
            await batches.FailAsync(job.Id, problem, stoppingToken);
            return true;
        }
        while (!stoppingToken.IsCancellationRequested && await batches.RunAsync(job.Id, rows, options.Value.BatchSize, stoppingToken)) { }
        return true;
    }
}
