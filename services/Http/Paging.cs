namespace Crm.Http;

/// <summary>A page of a list, as every list endpoint answers (api.md Conventions).</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);

/// <summary>The page and pageSize query parameters, checked.</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public int Skip => (Page - 1) * PageSize;

    public static PageRequest From(int? page, int? pageSize, FieldErrors errors)
    {
        if (page is < 1) errors.Add("page", "Pages count from 1.");
        if (pageSize is < 1 or > MaxPageSize) errors.Add("pageSize", $"The page size is from 1 to {MaxPageSize}.");
        return new PageRequest(page is >= 1 ? page.Value : 1, pageSize is >= 1 and <= MaxPageSize ? pageSize.Value : DefaultPageSize);
    }
}
