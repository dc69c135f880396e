namespace Crm.Contracts.Domain;

/// <summary>Someone a form passes from or to, or who records a move: a staff account, or a designer by their roster id.</summary>
public sealed record Person(Guid Id, string Name);
