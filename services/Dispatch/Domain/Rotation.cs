namespace Crm.Dispatch.Domain;

/// <summary>
/// Fair rotation (轮流派单): among equal candidates, whoever has waited longest since their last
/// dispatch goes first; a designer never dispatched has waited longest; ties by designer id.
/// </summary>
public static class Rotation
{
    public static Designer? Next(IEnumerable<Designer> candidates) =>
        candidates
            .OrderBy(d => d.LastDispatchedAt.HasValue)
            .ThenBy(d => d.LastDispatchedAt)
            .ThenBy(d => d.Id)
            .FirstOrDefault();
}
