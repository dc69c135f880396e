using System.Globalization;
using MiniExcelLibs;

namespace Crm.Partners.Jobs;

/// <summary>
/// Marketing's lead file, CSV (UTF-8) or Excel: a header row naming the columns as the API names the fields, then one
/// lead per row. Columns other than those listed are refused, so a misspelt header is noticed rather than ignored.
/// </summary>
public static class LeadFile
{
    public static readonly string[] Columns =
    [
        "externalId", "storeCode", "city", "name", "phone", "otherContact", "address",
        "house.community", "house.address", "house.areaM2", "house.layout", "house.kind", "house.deliveryDate",
        "preferences.budget", "preferences.styles", "incomeBand", "family.size", "family.elderly", "family.children", "specialRequest",
    ];

    /// <summary>A file's data rows as text by column, numbered as the spreadsheet shows them (the header is row 1).</summary>
    public static (IReadOnlyList<LeadRow> Rows, string? Problem) Read(byte[] content, string format)
    {
        using var stream = new MemoryStream(content);
        var rows = stream.Query(useHeaderRow: true, excelType: format == "xlsx" ? ExcelType.XLSX : ExcelType.CSV)
            .Cast<IDictionary<string, object?>>().ToList();
        var header = rows.Count > 0 ? rows[0].Keys.ToList() : Header(content, format);
        var unknown = header.Where(h => !Columns.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0) return ([], $"Unknown columns: {string.Join(", ", unknown)}. The columns are: {string.Join(", ", Columns)}.");
        if (!header.Contains("name", StringComparer.OrdinalIgnoreCase) || !header.Contains("phone", StringComparer.OrdinalIgnoreCase))
            return ([], "The header row needs at least the columns name and phone, and storeCode or city.");
        var read = rows.Select((row, i) => new LeadRow(i + 2, row.ToDictionary(c => Canonical(c.Key), c => Text(c.Value), StringComparer.OrdinalIgnoreCase)))
            .Where(r => r.Values.Values.Any(v => v is not null))
            .ToList();
        return (read, null);
    }

    /// <summary>A header without data rows: MiniExcel gives no row to read the keys from.</summary>
    private static List<string> Header(byte[] content, string format)
    {
        using var stream = new MemoryStream(content);
        return stream.Query(useHeaderRow: false, excelType: format == "xlsx" ? ExcelType.XLSX : ExcelType.CSV)
            .Cast<IDictionary<string, object?>>().FirstOrDefault()?.Values.Select(v => Text(v) ?? "").Where(v => v.Length > 0).ToList() ?? [];
    }

    private static string Canonical(string column) => Columns.FirstOrDefault(c => c.Equals(column, StringComparison.OrdinalIgnoreCase)) ?? column;

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        _ => string.IsNullOrWhiteSpace(value.ToString()) ? null : value.ToString()!.Trim(),
    };
}

/// <summary>One data row of a lead file: its number and its cells as text.</summary>
public sealed record LeadRow(int Number, IReadOnlyDictionary<string, string?> Values)
{
    public string? this[string column] => Values.GetValueOrDefault(column);

    /// <summary>The row as a lead request (numbers, dates and names of kinds read here, each misread cell reported under its column).</summary>
    public LeadRequest ToRequest(string generatedExternalId, FieldErrors errors)
    {
        decimal? Decimal(string column) => Parse(column, errors, s => decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : (decimal?)null, "a number");
        int? Integer(string column) => Parse(column, errors, s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (int?)null, "a whole number");
        T? Enum<T>(string column) where T : struct, System.Enum =>
            Parse(column, errors, s => System.Enum.TryParse<T>(s, true, out var e) && System.Enum.IsDefined(e) && !int.TryParse(s, out _) ? e : (T?)null, $"one of {string.Join(", ", System.Enum.GetNames<T>())}");
        DateOnly? Date(string column) => Parse(column, errors, s => DateOnly.TryParse(s, CultureInfo.InvariantCulture, out var d) ? d : (DateOnly?)null, "a date (yyyy-MM-dd)");

        var styles = this["preferences.styles"]?.Split([',', '，', '、', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var family = new Family(Integer("family.size"), Integer("family.elderly"), Integer("family.children"));
        var house = new House(this["house.community"], this["house.address"], Decimal("house.areaM2"), this["house.layout"], Enum<HouseKind>("house.kind"), Date("house.deliveryDate"));
        var budget = Decimal("preferences.budget");
        return new LeadRequest(this["externalId"] ?? generatedExternalId, null, this["city"], this["name"], this["phone"], this["otherContact"], this["address"],
            family, Enum<IncomeBand>("incomeBand"), styles is null && budget is null ? null : new Preferences(styles, budget), house, this["specialRequest"]);
    }

    private T? Parse<T>(string column, FieldErrors errors, Func<string, T?> parse, string what) where T : struct
    {
        if (this[column] is not { } text) return null;
        var value = parse(text);
        if (value is null) errors.Add(column, $"Not {what}: {text}.");
        return value;
    }
}
