namespace Crm.Customers.Apis;

/// <summary>Recording the customer's dynamic information: milestones and the visits of a returning customer.</summary>
public static class MilestonesApi
{
    public static Task<Results<Created<RecordedMilestoneResponse>, ValidationProblem, ProblemHttpResult>> Record(
        Guid id, RecordMilestoneRequest request, RecordMilestone record, CancellationToken cancellationToken) =>
        record.HandleAsync(id, request, cancellationToken).AnswerAsync(recorded => TypedResults.Created($"/api/customers/{id}/timeline",
            new RecordedMilestoneResponse(MilestoneResponse.From(recorded.Item), recorded.Stage)));

    /// <summary>A returning customer (or a lead the store meets for the first time) is a new visit of the same customer.</summary>
    public static Task<Results<Created<VisitResponse>, ValidationProblem, ProblemHttpResult>> RecordVisit(
        Guid id, RecordVisitRequest request, RecordVisit record, CancellationToken cancellationToken) =>
        record.HandleAsync(id, request, cancellationToken).AnswerAsync(recorded => TypedResults.Created($"/api/customers/{id}/timeline",
            VisitResponse.From(recorded.Item, recorded.Stage)));
}
