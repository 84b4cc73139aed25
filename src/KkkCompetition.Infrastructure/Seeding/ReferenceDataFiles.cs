using System.Text.Json;
using KkkCompetition.Application.ReferenceData;
using KkkCompetition.Domain.ReferenceData;

namespace KkkCompetition.Infrastructure.Seeding;

/// <summary>Reads the reference data of <c>db/seed</c> (copied beside the binaries as <c>Seed/</c>).</summary>
public static class ReferenceDataFiles
{
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Seed");

    public static ImportReferenceData Load(string? folder = null)
    {
        folder ??= DefaultFolder;
        using var voivodeships = Read(folder, "voivodeships.json");
        using var kis = Read(folder, "kis.json");
        using var kpis = Read(folder, "kpi-catalogue.json");
        using var criteria = Read(folder, "criteria-template.json");

        var tieBreak = criteria.RootElement.TryGetProperty("tieBreak", out var tb)
            ? tb.EnumerateArray().Select(e => e.GetString()!).ToList()
            : [];
        var order = 0;
        var criteriaList = new List<CriterionTemplate>();
        foreach (var area in criteria.RootElement.GetProperty("areas").EnumerateArray())
        {
            foreach (var c in area.GetProperty("criteria").EnumerateArray())
            {
                var code = c.GetProperty("code").GetString()!;
                var rank = tieBreak.IndexOf(code);
                criteriaList.Add(new CriterionTemplate
                {
                    Code = code,
                    AreaCode = area.GetProperty("code").GetString()!,
                    AreaNamePl = area.GetProperty("pl").GetString()!,
                    AreaNameEn = area.GetProperty("en").GetString()!,
                    NamePl = c.GetProperty("pl").GetString()!,
                    NameEn = c.GetProperty("en").GetString()!,
                    MaxPoints = c.GetProperty("maxPoints").GetDecimal(),
                    HalfPointsAllowed = c.TryGetProperty("halfPoints", out var half) && half.GetBoolean(),
                    Order = ++order,
                    TieBreakRank = rank >= 0 ? rank + 1 : null,
                });
            }
        }

        return new ImportReferenceData(
            voivodeships.RootElement.EnumerateArray()
                .Select(v => new Voivodeship { Teryt = v.GetProperty("teryt").GetString()!, Name = v.GetProperty("name").GetString()! })
                .ToList(),
            kis.RootElement.GetProperty("items").EnumerateArray()
                .Select(k => new KisSpecialisation { Code = k.GetProperty("code").GetString()!, NamePl = k.GetProperty("pl").GetString()!, NameEn = k.GetProperty("en").GetString()! })
                .ToList(),
            kpis.RootElement.GetProperty("items").EnumerateArray()
                .Select(k => new KpiDefinition
                {
                    Code = k.GetProperty("code").GetString()!,
                    NamePl = k.GetProperty("pl").GetString()!,
                    NameEn = k.GetProperty("en").GetString()!,
                    Unit = k.GetProperty("unit").GetString()!,
                    Direction = k.GetProperty("direction").GetString() == "lower" ? KpiDirection.LowerIsBetter : KpiDirection.HigherIsBetter,
                    Aggregation = k.GetProperty("aggregation").GetString() == "latest" ? KpiAggregation.Latest : KpiAggregation.Sum,
                    IsMandatory = k.GetProperty("mandatory").GetBoolean(),
                    Minimum = k.TryGetProperty("minimum", out var min) ? min.GetDecimal() : null,
                })
                .ToList(),
            criteriaList);
    }

    private static JsonDocument Read(string folder, string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, file)));
}
