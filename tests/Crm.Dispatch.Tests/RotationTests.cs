namespace Crm.Dispatch.Tests;

public sealed class RotationTests
{
    private static readonly Guid Store = Guid.NewGuid();
    private static readonly DateTimeOffset Morning = new(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(8));

    private static Designer DispatchedAt(DateTimeOffset? last)
    {
        var designer = Designer.Join(Store, "设计师", DesignerLevel.Designer, false, []);
        if (last is { } at) designer.RecordDispatch(at);
        return designer;
    }

    [Fact]
    public void Whoever_waited_longest_goes_next()
    {
        var recent = DispatchedAt(Morning.AddHours(2));
        var longest = DispatchedAt(Morning);
        var middle = DispatchedAt(Morning.AddHours(1));

        Assert.Same(longest, Rotation.Next([recent, longest, middle]));
    }

    [Fact]
    public void A_designer_never_dispatched_has_waited_longest()
    {
        var dispatched = DispatchedAt(Morning);
        var never = DispatchedAt(null);

        Assert.Same(never, Rotation.Next([dispatched, never]));
    }

    [Fact]
    public void Equal_waits_go_by_designer_id()
    {
        var a = DispatchedAt(Morning);
        var b = DispatchedAt(Morning);
        var expected = a.Id.CompareTo(b.Id) < 0 ? a : b;

        Assert.Same(expected, Rotation.Next([b, a]));
        Assert.Same(expected, Rotation.Next([a, b]));
    }

    [Fact]
    public void Rotation_serves_every_designer_once_before_anyone_twice()
    {
        var designers = Enumerable.Range(0, 6).Select(_ => DispatchedAt(null)).ToList();
        var served = new List<Guid>();

        for (var i = 0; i < 12; i++)
        {
            var next = Rotation.Next(designers)!;
            next.RecordDispatch(Morning.AddMinutes(i));
            served.Add(next.Id);
        }

        Assert.Equal(served.Take(6), served.Skip(6));
        Assert.Equal(6, served.Take(6).Distinct().Count());
    }

    [Fact]
    public void No_candidate_means_no_designer() => Assert.Null(Rotation.Next([]));
}
