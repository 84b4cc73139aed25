namespace KkkCompetition.Domain.Identifiers;

/// <summary>Checksums of the Polish registry identifiers (NIP, REGON) and the shape of KRS.</summary>
public static class PolishIdentifiers
{
    private static readonly int[] NipWeights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
    private static readonly int[] Regon9Weights = [8, 9, 2, 3, 4, 5, 6, 7];
    private static readonly int[] Regon14Weights = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8];

    /// <summary>Digits only: spaces and dashes, as people type them, are removed.</summary>
    public static string Normalize(string? value) =>
        new((value ?? "").Where(c => c is not (' ' or '-')).ToArray());

    public static bool IsValidNip(string? value)
    {
        var digits = Normalize(value);
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = WeightedSum(digits, NipWeights);
        var check = sum % 11;
        return check != 10 && check == digits[9] - '0';
    }

    public static bool IsValidRegon(string? value)
    {
        var digits = Normalize(value);
        if (!digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var weights = digits.Length switch
        {
            9 => Regon9Weights,
            14 => Regon14Weights,
            _ => null,
        };
        if (weights is null)
        {
            return false;
        }

        var check = WeightedSum(digits, weights) % 11 % 10;
        return check == digits[^1] - '0';
    }

    public static bool IsValidKrs(string? value)
    {
        var digits = Normalize(value);
        return digits.Length == 10 && digits.All(char.IsAsciiDigit);
    }

    /// <summary>Appends the check digit to 9 digits: used by generators of test and demo data.</summary>
    public static string CompleteNip(string nineDigits)
    {
        var sum = WeightedSum(nineDigits, NipWeights);
        var check = sum % 11;
        return check == 10 ? CompleteNip(((long.Parse(nineDigits, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture)) : nineDigits + check;
    }

    private static int WeightedSum(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }

        return sum;
    }
}
