using KkkCompetition.Application.Clusters;
using KkkCompetition.Domain.Clusters;

namespace KkkCompetition.Application.UnitTests.Clusters;

/// <summary>The checks of one import row, without a database: values as people type them, and what is refused.</summary>
public sealed class MemberRowCheckerTests
{
    private static readonly DateOnly Today = new(2027, 1, 15);

    private static MemberRowChecker Checker(params string[] existingNips) =>
        new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["14"] = "14", ["mazowieckie"] = "14", ["02"] = "02" }, Today, [.. existingNips]);

    private static MemberFileRow Row(int number, string? name = "Firma", string? nip = "1234563218", string? type = "Przedsiębiorstwo", string? size = "Małe", string? voivodeship = "14", string? joined = "2020-01-01", string? employment = "5") =>
        new(number, [name, nip, type, size, voivodeship, joined, employment]);

    [Fact]
    public void A_valid_row_becomes_member_data_with_the_nip_normalized()
    {
        var errors = new List<MemberImportError>();

        var member = Checker().Check(Row(2, nip: "123-456-32-18", size: "male", voivodeship: "Mazowieckie", joined: "15.01.2027", employment: "1 200"), errors);

        Assert.Empty(errors);
        Assert.Equal(new MemberData("Firma", "1234563218", MemberType.Enterprise, EnterpriseSize.Small, "14", Today, 1200), member);
    }

    [Theory]
    [InlineData("IOB", MemberType.BusinessSupportInstitution)]
    [InlineData("jst", MemberType.LocalGovernment)]
    [InlineData("Jednostka naukowa lub uczelnia", MemberType.ResearchOrUniversity)]
    [InlineData("Other", MemberType.Other)]
    public void Types_are_read_in_polish_and_english(string text, MemberType type) =>
        Assert.Equal(type, Checker().Check(Row(2, type: text, size: ""), [])!.Type);

    [Fact]
    public void A_one_digit_teryt_from_a_spreadsheet_number_is_read_as_two_digits() =>
        Assert.Equal("02", Checker().Check(Row(2, voivodeship: "2"), [])!.VoivodeshipTeryt);

    [Fact]
    public void Every_bad_cell_of_a_row_is_reported_with_the_row_and_the_polish_column()
    {
        var errors = new List<MemberImportError>();

        var member = Checker().Check(Row(7, name: "", nip: "1234563219", type: "Firma", size: "XXL", voivodeship: "99", joined: "2027-01-16", employment: "-1"), errors);

        Assert.Null(member);
        Assert.Equal(
            [("Nazwa", "import.name_required"), ("NIP", "import.invalid_nip"), ("Typ", "import.unknown_type"), ("Wielkość", "import.unknown_size"),
             ("Województwo (TERYT)", "import.unknown_voivodeship"), ("Data przystąpienia", "import.joined_in_future"), ("Zatrudnienie", "import.negative_employment")],
            errors.Select(e => (e.Column!, e.Code)).ToArray());
        Assert.All(errors, e => Assert.Equal(7, e.Row));
    }

    [Fact]
    public void A_nip_seen_in_an_earlier_row_or_already_in_the_cluster_is_refused()
    {
        var checker = Checker("5260250274");
        var errors = new List<MemberImportError>();

        checker.Check(Row(2), errors);
        checker.Check(Row(9, nip: "123 456 32 18"), errors);
        checker.Check(Row(10, nip: "526-025-02-74", type: "Inny", size: null), errors);

        Assert.Equal([(9, "import.duplicate_nip_in_file", (int?)2), (10, "import.duplicate_nip_in_cluster", null)], errors.Select(e => (e.Row, e.Code, e.OtherRow)).ToArray());
    }

    [Fact]
    public void Enterprises_need_a_size_and_others_must_leave_it_empty()
    {
        var errors = new List<MemberImportError>();
        Checker().Check(Row(2, size: " "), errors);
        Checker().Check(Row(3, type: "IOB", size: "Mikro"), errors);
        Assert.Equal(["import.size_required", "import.size_not_allowed"], errors.Select(e => e.Code));
    }

    [Theory]
    [InlineData("plik.CSV", MemberFileFormat.Csv)]
    [InlineData("członkowie.xlsx", MemberFileFormat.Xlsx)]
    [InlineData("plik.xls", null)]
    [InlineData("plik", null)]
    public void The_format_is_read_from_the_extension(string name, MemberFileFormat? format) =>
        Assert.Equal(format, MemberFileVocabulary.FormatOf(name));

    [Theory]
    [InlineData("Województwo (TERYT)", MemberColumn.Voivodeship)]
    [InlineData("\uFEFFNazwa", MemberColumn.Name)]
    [InlineData(" data przystapienia ", MemberColumn.JoinedOn)]
    [InlineData("Employment", MemberColumn.Employment)]
    [InlineData("Uwagi", null)]
    public void Headers_are_matched_in_polish_with_or_without_diacritics_and_in_english(string header, MemberColumn? column) =>
        Assert.Equal(column, MemberFileVocabulary.ColumnOf(header));
}
