using System.Text.RegularExpressions;

namespace Crm.Customers.Domain;

/// <summary>
/// A customer's phone, the chain-wide dedupe key. Normalised to digits: a mainland mobile
/// (11 digits, 1[3-9]…) without the +86 prefix, or a landline with its area code (0 + 9 to 11 digits).
/// </summary>
public static partial class PhoneNumber
{
    public static bool TryNormalize(string? raw, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(raw)) return false;

        var text = Separators().Replace(raw.Trim(), "");
        if (text.StartsWith("+86", StringComparison.Ordinal)) text = text[3..];
        else if (text.StartsWith("0086", StringComparison.Ordinal)) text = text[4..];
        else if (text.Length == 13 && text.StartsWith("86", StringComparison.Ordinal)) text = text[2..];

        if (!Mobile().IsMatch(text) && !Landline().IsMatch(text)) return false;
        normalized = text;
        return true;
    }

    /// <summary>Spaces, dashes, dots and parentheses people type between digit groups.</summary>
    [GeneratedRegex(@"[\s\-\.\(\)]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^0[1-9]\d{8,10}$")]
    private static partial Regex Landline();
}
