using KkkCompetition.Domain.Identifiers;

namespace KkkCompetition.Domain.UnitTests.Identifiers;

public sealed class PolishIdentifiersTests
{
    [Theory]
    [InlineData("1234563218")]
    [InlineData("5260250274")]
    [InlineData("123-456-32-18")]
    [InlineData("123 456 32 18")]
    public void Valid_nips_are_accepted(string nip) => Assert.True(PolishIdentifiers.IsValidNip(nip));

    [Theory]
    [InlineData("1234563219")] // wrong check digit
    [InlineData("1234567890")] // weighted sum mod 11 is 10: no NIP has it
    [InlineData("123456321")] // too short
    [InlineData("12345632188")] // too long
    [InlineData("12345632a8")]
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_nips_are_refused(string? nip) => Assert.False(PolishIdentifiers.IsValidNip(nip));

    [Theory]
    [InlineData("123456785")]
    [InlineData("12345678512347")]
    [InlineData("123-456-785")]
    public void Valid_regons_of_9_and_14_digits_are_accepted(string regon) => Assert.True(PolishIdentifiers.IsValidRegon(regon));

    [Theory]
    [InlineData("123456786")] // 9 digits, wrong check digit
    [InlineData("12345678512348")] // 14 digits, wrong check digit
    [InlineData("1234567851")] // 10 digits
    [InlineData("12345678a")]
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_regons_are_refused(string? regon) => Assert.False(PolishIdentifiers.IsValidRegon(regon));

    [Theory]
    [InlineData("0000012345")]
    [InlineData("0000-012-345")]
    public void Krs_numbers_of_ten_digits_are_accepted(string krs) => Assert.True(PolishIdentifiers.IsValidKrs(krs));

    [Theory]
    [InlineData("000001234")]
    [InlineData("00000123456")]
    [InlineData("00000X2345")]
    [InlineData(null)]
    public void Other_krs_numbers_are_refused(string? krs) => Assert.False(PolishIdentifiers.IsValidKrs(krs));

    [Theory]
    [InlineData("123456321")]
    [InlineData("525000001")]
    [InlineData("123456789")] // its check would be 10: the generator moves to the next prefix
    public void Completed_nips_are_valid(string nineDigits) => Assert.True(PolishIdentifiers.IsValidNip(PolishIdentifiers.CompleteNip(nineDigits)));
}
