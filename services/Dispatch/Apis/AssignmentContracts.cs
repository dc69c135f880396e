namespace Crm.Dispatch.Apis;

public sealed record AssignmentRequest(Guid? CustomerId, Guid? DesignerId, string? Reason)
{
    public FieldErrors Check()
    {
        var errors = new FieldErrors();
        if (CustomerId is null) errors.Add("customerId", "The customer to dispatch.");
        if (Reason is { Length: > TextLimits.Reason }) errors.Add("reason", $"At most {TextLimits.Reason} characters.");
        return errors;
    }

    public CreateAssignment.Command ToCommand() =>
        new(CustomerId!.Value, DesignerId, string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim());
}

/// <summary>A refusal or reassignment says why; a reassignment may name the designer to take the customer.</summary>
public sealed record ReasonRequest(string? Reason, Guid? DesignerId = null)
{
    public FieldErrors Check(bool designerAllowed)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(Reason)) errors.Add("reason", "Say why: the assignment keeps the reason.");
        else if (Reason.Length > TextLimits.Reason) errors.Add("reason", $"At most {TextLimits.Reason} characters.");
        if (!designerAllowed && DesignerId is not null) errors.Add("designerId", "A refused customer is dispatched again by the rules.");
        return errors;
    }
}

public sealed record SuggestionRequest(Guid? CustomerId);

public sealed record AssignmentResponse(
    Guid Id, Guid StoreId, Guid CustomerId, Guid DesignerId, string DesignerName, AssignmentStatus Status, DispatchKind Kind,
    DispatchRule DecidingRule, bool Override, string RequestedBy, DateTimeOffset CreatedAt, string Decision,
    string? EndReason, string? DecidedBy, DateTimeOffset? DecidedAt, DispatchTrace? Trace)
{
    public static AssignmentResponse From(Assignment a, bool withTrace = true) =>
        new(a.Id, a.StoreId, a.CustomerId, a.DesignerId, a.DesignerName, a.Status, a.Kind, a.DecidingRule, a.IsOverride, a.RequestedBy, a.CreatedAt,
            a.Trace.Decision, a.EndReason, a.DecidedBy, a.DecidedAt, withTrace ? a.Trace : null);
}

/// <summary>A refusal or reassignment answers the ended assignment and the one that followed, if any designer was eligible.</summary>
public sealed record AssignmentChangeResponse(AssignmentResponse Assignment, AssignmentResponse? Next, DispatchTrace? NextTrace)
{
    public static AssignmentChangeResponse From(AssignmentChange change) =>
        new(AssignmentResponse.From(change.Assignment), change.Next is null ? null : AssignmentResponse.From(change.Next), change.NextTrace);
}

public sealed record SuggestionResponse(Guid CustomerId, Guid? SuggestedDesignerId, DispatchTrace Trace);
