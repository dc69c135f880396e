using System.Globalization;

namespace Crm.Customers.Domain;

/// <summary>
/// The chain-unique customer number <c>&lt;store code&gt;-&lt;year&gt;-&lt;6-digit sequence&gt;</c> and the
/// archive bag (100 customer files to a bag) that follows from the sequence (domain.md §1).
/// </summary>
public static class CustomerNumber
{
    public const int MaxSequence = 999_999;
    public const int FilesPerBag = 100;

    public static string Format(string storeCode, int year, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        return string.Create(CultureInfo.InvariantCulture, $"{storeCode}-{year:D4}-{sequence:D6}");
    }

    public static int ArchiveBag(int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return (sequence + FilesPerBag - 1) / FilesPerBag;
    }
}
