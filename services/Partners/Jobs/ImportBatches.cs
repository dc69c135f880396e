namespace Crm.Partners.Jobs;

/// <summary>One batch of an upload, in one transaction under the job's lock: the rows after the last committed one.</summary>
public sealed class ImportBatches(PartnerDbContext db, TimeProvider clock)
{
    /// <summary>Works the next batch; answers whether rows remain.</summary>
    public Task<bool> RunAsync(Guid jobId, IReadOnlyList<LeadRow> rows, int batchSize, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            // Two instances may pick the same job: the lock lets one batch run at a time, and each starts where the last stopped.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({jobId.ToString()}, 0))", cancellationToken);
            var job = await db.ImportJobs.FirstAsync(j => j.Id == jobId, cancellationToken);
            if (job.State is ImportState.Completed or ImportState.Failed) return false;
            var now = clock.GetUtcNow();
            if (job.State == ImportState.Queued) job.Start(rows.Count, now);

            var batch = rows.Skip(job.ProcessedRows).Take(batchSize).ToList();
            var (stored, duplicates, bad) = await ImportAsync(job, batch, cancellationToken);
            job.Progress(batch.Count, stored, duplicates, bad);
            var more = job.ProcessedRows < rows.Count;
            if (!more) job.Complete(clock.GetUtcNow());
            return more;
        }, cancellationToken);

    public async Task FailAsync(Guid jobId, string reason, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.FirstAsync(j => j.Id == jobId, cancellationToken);
        job.Fail(reason, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<(int Stored, int Duplicates, int Bad)> ImportAsync(ImportJob job, List<LeadRow> batch, CancellationToken cancellationToken)
    {
        var stores = await db.Stores.AsNoTracking().ToListAsync(cancellationToken);
        // Rows by city spread over the city's stores, counting the rows of this batch as they are routed.
        var recent = await db.RecentLeadsByStoreAsync(clock.GetUtcNow(), cancellationToken);
        var drafts = new List<(LeadRow Row, LeadDraft Draft, Guid StoreId)>();
        int bad = 0;
        foreach (var row in batch)
        {
            var (draft, storeId, problems) = Check(job, row, stores, recent);
            if (problems.Count > 0)
            {
                bad++;
                db.ImportRowErrors.AddRange(problems.Select(p => ImportRowError.Of(job.Id, row.Number, p.Key, string.Join(" ", p.Value))));
                continue;
            }
            drafts.Add((row, draft, storeId));
        }

        var externalIds = drafts.ConvertAll(d => d.Draft.ExternalId);
        var received = await db.Leads.Where(l => l.PartnerId == null && externalIds.Contains(l.ExternalId)).Select(l => new { l.ExternalId, l.Id })
            .ToDictionaryAsync(l => l.ExternalId, l => l.Id, cancellationToken);
        var phones = drafts.ConvertAll(d => d.Draft.Phone);
        var known = (await db.Leads.Where(l => phones.Contains(l.Phone)).Select(l => l.Phone).ToListAsync(cancellationToken))
            .Concat(await db.KnownPhones.Where(p => phones.Contains(p.Phone)).Select(p => p.Phone).ToListAsync(cancellationToken))
            .ToHashSet();
        int stored = 0, duplicates = 0;
        var now = clock.GetUtcNow();
        foreach (var (row, draft, storeId) in drafts)
        {
            if (received.TryGetValue(draft.ExternalId, out var earlier) || !received.TryAdd(draft.ExternalId, Guid.Empty))
            {
                bad++;
                db.ImportRowErrors.Add(ImportRowError.Of(job.Id, row.Number, "externalId",
                    earlier == Guid.Empty ? "The same externalId is on an earlier row of this file." : $"Already received (lead {earlier}); not imported again."));
                continue;
            }
            var duplicate = !known.Add(draft.Phone);
            var lead = Lead.Receive(Supplier.Marketing, draft, storeId, duplicate, now, job.Id, row.Number);
            db.Leads.Add(lead);
            db.LeadStatusChanges.Add(LeadStatusChange.Record(lead, null, lead.Status, duplicate ? "phone already known" : "received", now));
            db.Publish(lead.ToEvent(), clock);
            stored++;
            if (duplicate) duplicates++;
        }
        return (stored, duplicates, bad);
    }

    /// <summary>
    /// One row by the rules of a registration, its store by code (or its city), each problem under the row's column:
    /// the draft and store when it is good. Rows routed by city count toward their store at once, so a file spreads evenly.
    /// </summary>
    private static (LeadDraft Draft, Guid StoreId, Dictionary<string, string[]> Problems) Check(ImportJob job, LeadRow row, List<PartnerStore> stores, Dictionary<Guid, int> recent)
    {
        var errors = new FieldErrors();
        var request = row.ToRequest($"{job.FileHash[..12]}-{row.Number}", errors);
        if (row["storeCode"] is { } code)
        {
            if (stores.FirstOrDefault(s => s.Code.Equals(code, StringComparison.OrdinalIgnoreCase)) is { } store) request = request with { StoreId = store.Id };
            else errors.Add("storeCode", $"No store with code {code}.");
        }
        var problems = errors.ToDictionary();
        // The file names a store by its code: what the API calls storeId is the column storeCode here.
        var checks = request.Validate(out var draft);
        foreach (var (field, reasons) in checks.ToDictionary())
            if (!(field == "storeId" && problems.ContainsKey("storeCode"))) problems[field == "storeId" ? "storeCode" : field] = reasons;
        if (problems.Count > 0) return (draft, default, problems);

        var routed = LeadRouting.Route(request.StoreId, request.City, stores, recent);
        if (!routed.Succeeded)
        {
            problems[routed.Violation.Field == "storeId" ? "storeCode" : routed.Violation.Field ?? "city"] = [routed.Violation.Detail];
            return (draft, default, problems);
        }
        recent[routed.Value] = recent.GetValueOrDefault(routed.Value) + 1;
        return (draft, routed.Value, problems);
    }
}
