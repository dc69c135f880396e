namespace Crm.Messages;

/// <summary>
/// A customer problem that needs a designer (需要设计师解决的客户问题) was raised. Published by the follow-up service;
/// for the morning meeting (reports) and the customer's timeline.
/// </summary>
public sealed record CustomerProblemRaised : IStoreEvent
{
    public required Guid StoreId { get; init; }
    public required Guid CustomerId { get; init; }
    public required Guid ProblemId { get; init; }
    public required Guid DesignerId { get; init; }
    public required string DesignerName { get; init; }
    public required string What { get; init; }
    /// <summary>The store-local day by which the designer should have answered.</summary>
    public required DateOnly DueOn { get; init; }
    public required string RaisedBy { get; init; }
    public required DateTimeOffset RaisedAt { get; init; }
}
