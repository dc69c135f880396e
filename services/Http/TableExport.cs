using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;

namespace Crm.Http;

/// <summary>The formats every report and register can be had in (api.md: format=json|csv|xlsx).</summary>
public enum ExportFormat
{
    Json,
    Csv,
    Xlsx,
}

public static class ExportFormats
{
    /// <summary>Reads format=json|csv|xlsx (any case); json when absent.</summary>
    public static ExportFormat? Parse(string? format, FieldErrors errors)
    {
        if (format is null) return ExportFormat.Json;
        return QueryEnum.Parse<ExportFormat>(format, "format", errors);
    }

    /// <summary>Reads format=csv|xlsx for an export that is always a file; csv when absent.</summary>
    public static ExportFormat? ParseFile(string? format, FieldErrors errors)
    {
        var parsed = format is null ? ExportFormat.Csv : Parse(format, errors);
        if (parsed == ExportFormat.Json) { errors.Add("format", "csv or xlsx."); return null; }
        return parsed;
    }
}

/// <summary>
/// A report as a table of named columns, written as CSV (UTF-8 with a byte order mark, so that Excel
/// reads the Chinese text right) or as an Excel workbook.
/// </summary>
public sealed record ExportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows)
{
    /// <summary>Yuan with thousands separators and the fen: 12,345.60.</summary>
    public const string MoneyFormat = "#,##0.00";
    /// <summary>A rate of 0 to 1 shown as a percentage: 46.67%.</summary>
    public const string PercentFormat = "0.00%";

    /// <summary>
    /// The Excel number format of some columns, by name (<see cref="MoneyFormat"/>, <see cref="PercentFormat"/>): the cells
    /// stay numbers, shown formatted. In CSV money is written to the fen.
    /// </summary>
    public IReadOnlyDictionary<string, string> Formats { get; init; } = new Dictionary<string, string>();

    public async Task<FileContentHttpResult> ToFileAsync(ExportFormat format, string fileName, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        if (format == ExportFormat.Csv) await WriteCsvAsync(buffer, cancellationToken);
        else await WriteXlsxAsync(buffer, cancellationToken);
        return format == ExportFormat.Csv
            ? TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", fileName + ".csv")
            : TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName + ".xlsx");
    }

    /// <summary>Excel opens a CSV as UTF-8 only when it starts with the byte order mark.</summary>
    private async Task WriteCsvAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (Rows.Count == 0)
        {
            // The header line alone: an empty report has no rows, not one blank row.
            await using var writer = new StreamWriter(stream, new UTF8Encoding(true), leaveOpen: true);
            await writer.WriteLineAsync(string.Join(",", Columns.Select(Quoted)).AsMemory(), cancellationToken);
            return;
        }
        var sheet = Rows.Select(row => Columns.Select((c, i) => (c, Value: (object?)CsvText(c, row[i]))).ToDictionary(x => x.c, x => x.Value)).ToList();
        await stream.SaveAsAsync(sheet, excelType: ExcelType.CSV, configuration: new MiniExcelLibs.Csv.CsvConfiguration { StreamWriterFunc = s => new StreamWriter(s, new UTF8Encoding(true)) }, cancellationToken: cancellationToken);
    }

    private async Task WriteXlsxAsync(Stream stream, CancellationToken cancellationToken)
    {
        var sheet = Rows.Select(row =>
        {
            var line = new Dictionary<string, object?>();
            for (var i = 0; i < Columns.Count; i++) line[Columns[i]] = Cell(row[i]);
            return line;
        }).ToList();
        if (sheet.Count == 0) sheet.Add(Columns.ToDictionary(c => c, _ => (object?)null));
        var configuration = new MiniExcelLibs.OpenXml.OpenXmlConfiguration
        {
            DynamicColumns = Formats.Select(f => new MiniExcelLibs.Attributes.DynamicExcelColumn(f.Key) { Format = f.Value }).ToArray(),
        };
        await stream.SaveAsAsync(sheet, sheetName: Title, excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: cancellationToken);
    }

    private string CsvText(string column, object? value) =>
        value is decimal money && Formats.TryGetValue(column, out var format) && format == MoneyFormat ? money.ToString("F2", CultureInfo.InvariantCulture) : Text(value);

    /// <summary>Numbers stay numbers in a workbook; everything else is written as its text.</summary>
    private static object? Cell(object? value) => value switch
    {
        null => null,
        decimal or int or long or double => value,
        _ => Text(value),
    };

    private static string Quoted(string text) => text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : $"\"{text.Replace("\"", "\"\"")}\"";

    private static string Text(object? value) => value switch
    {
        null => "",
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
