namespace Crm.Messages;

/// <summary>The styles the customer likes and the budget for the works, in yuan.</summary>
public sealed record Preferences(IReadOnlyList<string>? Styles, decimal? Budget);
