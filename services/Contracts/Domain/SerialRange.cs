using System.Globalization;
using System.Text.RegularExpressions;

namespace Crm.Contracts.Domain;

/// <summary>
/// A range of form serials as printed: a common prefix and a number of fixed width, e.g. HT-000101 to HT-000150.
/// At most <see cref="MaxForms"/> forms at once.
/// </summary>
public sealed partial record SerialRange(string Prefix, long From, long To, int Width)
{
    public const int MaxForms = 1000;

    public int Count => (int)(To - From + 1);

    public IEnumerable<string> Serials()
    {
        for (var n = From; n <= To; n++) yield return Prefix + n.ToString(CultureInfo.InvariantCulture).PadLeft(Width, '0');
    }

    /// <summary>The range between two serials, or why they do not make one.</summary>
    public static Outcome<SerialRange> Parse(string? fromSerial, string? toSerial)
    {
        if (Split(fromSerial) is not { } from) return Violation.Invalid("fromSerial", "A serial: a prefix of letters, digits or dashes ending in a letter or dash, then its number, e.g. HT2026-000101.");
        if (Split(toSerial) is not { } to) return Violation.Invalid("toSerial", "A serial: a prefix of letters, digits or dashes ending in a letter or dash, then its number, e.g. HT2026-000150.");
        if (from.Prefix != to.Prefix || from.Digits.Length != to.Digits.Length)
            return Violation.Invalid("toSerial", $"The range's serials share the prefix and width of {fromSerial}.");
        var (first, last) = (long.Parse(from.Digits, CultureInfo.InvariantCulture), long.Parse(to.Digits, CultureInfo.InvariantCulture));
        if (last < first) return Violation.Invalid("toSerial", "The last serial comes after the first.");
        if (last - first + 1 > MaxForms) return Violation.Invalid("toSerial", $"At most {MaxForms} forms at once.");
        return new SerialRange(from.Prefix, first, last, from.Digits.Length);
    }

    private static (string Prefix, string Digits)? Split(string? serial)
    {
        var match = serial is { Length: > 0 and <= 30 } ? Pattern().Match(serial.Trim().ToUpperInvariant()) : Match.Empty;
        return match.Success ? (match.Groups[1].Value, match.Groups[2].Value) : null;
    }

    // The number is the trailing run of digits; the prefix, which may hold digits too (HT2026-), ends in a letter or a dash.
    [GeneratedRegex("^((?:[A-Z0-9-]{0,19}[A-Z-])?)([0-9]{1,15})$")]
    private static partial Regex Pattern();
}
