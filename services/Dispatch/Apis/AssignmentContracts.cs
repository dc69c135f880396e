namespace Crm.Dispatch.Apis;

public sealed record AssignmentRequest(Guid? CustomerId, Guid? DesignerId, string? Reason);

public sealed record ReasonRequest(string? Reason, Guid? DesignerId = null);

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
public sealed record AssignmentChangeResponse(AssignmentResponse Assignment, AssignmentResponse? Next, DispatchTrace? NextTrace);

public sealed record SuggestionResponse(Guid CustomerId, Guid? SuggestedDesignerId, DispatchTrace Trace);
