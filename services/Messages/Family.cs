namespace Crm.Messages;

/// <summary>How many live in the home: the size, and of them the elderly and the children.</summary>
public sealed record Family(int? Size, int? Elderly, int? Children);
