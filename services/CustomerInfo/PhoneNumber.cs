using PhoneNumbers;

namespace Crm.CustomerInfo;

/// <summary>
/// A customer's phone, the chain-wide dedupe key, normalised to E.164 (+8613800138000) so that
/// every way of writing one number finds the same customer. Numbers without a country code are
/// read as mainland China numbers. Validation uses libphonenumber's numbering plans.
/// </summary>
public static class PhoneNumber
{
    private const string DefaultRegion = "CN";
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    /// <summary>"+8613800135678" becomes "138****5678": the number as dialled at home, its middle hidden.</summary>
    public static string Mask(string normalized)
    {
        var national = normalized.StartsWith("+86", StringComparison.Ordinal) ? normalized[3..] : normalized.TrimStart('+');
        if (national.Length < 8) return new string('*', national.Length);
        return national[..3] + "****" + national[^4..];
    }

    public static bool TryNormalize(string? raw, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 30) return false;
        try
        {
            var number = Numbers.Parse(raw, DefaultRegion);
            if (!Numbers.IsValidNumber(number)) return false;
            normalized = Numbers.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }
}
