namespace Crm.Contracts.Domain;

public enum FormAlertKind
{
    /// <summary>Issued, and not retrieved after the retrieval days.</summary>
    NotRetrieved,
    /// <summary>Passed on, and not back by the expected return.</summary>
    ReturnOverdue,
    /// <summary>Reported lost: an incident on the store's report.</summary>
    Lost,
    /// <summary>The last stock count did not find a form the ledger has in the drawer.</summary>
    MissingFromDrawer,
    /// <summary>The last stock count found a form the ledger has elsewhere.</summary>
    UnexpectedInDrawer,
}

/// <summary>Something about a form the store must see to (domain.md §3), since when, and with whom the form is.</summary>
public sealed record FormAlert(FormAlertKind Kind, string Serial, DateTimeOffset Since, string? HolderName, string Detail);

/// <summary>The alerts of a store's forms now: what is overdue by the handbook's days, what is lost, and what the last count found.</summary>
public static class FormAlerts
{
    public const int DefaultRetrievalDays = 7;

    public static IReadOnlyList<FormAlert> For(IEnumerable<ContractForm> forms, StockCount? lastCount, DateTimeOffset now, int retrievalDays = DefaultRetrievalDays)
    {
        var alerts = new List<FormAlert>();
        foreach (var form in forms)
        {
            if (form.State is FormState.Issued or FormState.Signed && form.IssuedAt is { } issued && issued.AddDays(retrievalDays) < now)
                alerts.Add(new(FormAlertKind.NotRetrieved, form.Serial, issued.AddDays(retrievalDays), form.HolderName,
                    $"Issued to {form.DesignerName} on {issued:yyyy-MM-dd} and not retrieved within {retrievalDays} days."));
            if (form.IsPassedOn && form.ExpectedReturnAt is { } due && due < now)
                alerts.Add(new(FormAlertKind.ReturnOverdue, form.Serial, due, form.HolderName,
                    $"Passed to {form.HolderName} for {form.PassedPurpose}; expected back {due:yyyy-MM-dd HH:mm}."));
            if (form.State == FormState.Lost)
                alerts.Add(new(FormAlertKind.Lost, form.Serial, form.EndedAt!.Value, null, $"Reported lost: {form.EndReason}"));
        }
        if (lastCount is not null)
        {
            alerts.AddRange(lastCount.Missing.Select(serial => new FormAlert(FormAlertKind.MissingFromDrawer, serial, lastCount.CountedAt, null,
                $"Not in the drawer at the count of {lastCount.CountedAt:yyyy-MM-dd HH:mm} by {lastCount.CountedBy}.")));
            alerts.AddRange(lastCount.Unexpected.Select(serial => new FormAlert(FormAlertKind.UnexpectedInDrawer, serial, lastCount.CountedAt, null,
                $"In the drawer at the count of {lastCount.CountedAt:yyyy-MM-dd HH:mm}, though the ledger has it elsewhere.")));
        }
        return alerts.OrderBy(a => a.Since).ThenBy(a => a.Serial, StringComparer.Ordinal).ToList();
    }
}
