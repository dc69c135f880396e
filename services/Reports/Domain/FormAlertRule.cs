namespace Crm.Reports.Domain;

/// <summary>The alerts of domain.md §3 that a form raises at a moment, by the contract service's names for them.</summary>
public enum FormAlertKind { NotRetrieved, ReturnOverdue, Lost }

/// <summary>A contract form the store must see to, since when, with whom it is and why.</summary>
public sealed record FormAlertLine(FormAlertKind Kind, string Serial, DateTimeOffset Since, string? HolderName, string? DesignerName, string? Reason);

/// <summary>
/// Reads the alerts of a form from how it stood after its latest move: with a designer past its retrieval time,
/// passed on past its expected return, or lost. The same rules as the contract service's own alert list.
/// </summary>
public static class FormAlertRule
{
    public static IEnumerable<FormAlertLine> At(FormVersionFact form, DateTimeOffset moment)
    {
        if (form.RetrieveBy is { } retrieveBy && retrieveBy < moment)
            yield return new(FormAlertKind.NotRetrieved, form.Serial, retrieveBy, form.HolderName, form.DesignerName, null);
        if (form.ReturnBy is { } returnBy && returnBy < moment)
            yield return new(FormAlertKind.ReturnOverdue, form.Serial, returnBy, form.HolderName, form.DesignerName, form.Reason);
        if (form.Lost)
            yield return new(FormAlertKind.Lost, form.Serial, form.At, null, form.DesignerName, form.Reason);
    }
}
