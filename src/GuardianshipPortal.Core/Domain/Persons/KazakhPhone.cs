namespace GuardianshipPortal.Domain.Persons;

/// <summary>
/// A Kazakh mobile number (+7 7XX XXX XX XX), as people write it: "+7 701 111 22 33", "8 (701) 111-22-33", "77011112233".
/// Stored as "+77011112233", shown as "+7 701 111 22 33".
/// </summary>
public static class KazakhPhone
{
    public static bool TryNormalize(string? input, out string phone)
    {
        phone = "";
        if (string.IsNullOrWhiteSpace(input)) return false;
        var text = input.Trim();
        if (text.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')' or '+'))) return false;
        if (text.IndexOf('+') > 0) return false;
        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        if (digits.Length == 11 && digits[0] == '8' && !text.StartsWith('+')) digits = "7" + digits[1..];
        if (digits.Length != 11 || digits[0] != '7' || digits[1] != '7') return false;
        phone = "+" + digits;
        return true;
    }

    public static string Display(string phone) =>
        phone.Length == 12 && phone.StartsWith("+7", StringComparison.Ordinal)
            ? $"+7 {phone[2..5]} {phone[5..8]} {phone[8..10]} {phone[10..12]}" : phone;
}
