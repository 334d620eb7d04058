using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Bot.Content;

namespace Bot.Pledges;

/// <summary>What one export holds: the plan (null = every plan), the unit filter as typed (null = every unit), the pledges.</summary>
public sealed record ExportScope(Plan? Plan, string? Unit, IReadOnlyList<Pledge> Rows, DateTimeOffset At);

/// <summary>
/// The registration list as offices file it: a title block (issuing union, plan, unit, date of export), a bold header
/// row, one row per pledge with every field; and a second sheet with tallies per unit and title.
/// </summary>
public sealed class PledgeSheet(PledgeContent pledges, PledgeSummary summary, BotContent content, PlanCalendar calendar, Texts texts)
{
    private static readonly (string Key, int Width)[] Columns =
    [
        ("stt", 6), ("name", 26), ("position", 18), ("unit", 24), ("plan", 40), ("movements", 40), ("title", 28),
        ("commendation", 24), ("initiative", 36), ("initiative-field", 20), ("commitment", 40), ("date", 14), ("status", 14),
    ];

    /// <summary>Title block rows before the header row (issuer, list title, plan, unit, date, a blank line).</summary>
    public const int HeaderRow = 7;

    public byte[] Build(string lang, ExportScope scope)
    {
        var list = new List<IDictionary<string, object?>>();
        foreach (var line in TitleBlock(lang, scope)) list.Add(Row(line));
        list.Add(Row());
        list.Add(Row([.. Columns.Select(c => (object?)texts.Get(lang, $"pledge-officer.col-{c.Key}"))]));
        list.AddRange(scope.Rows.Select((p, i) => Row(Cells(lang, p, i + 1))));

        var tallies = Tallies(lang, scope.Rows);
        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns = [.. Columns.Select((c, i) => new MiniExcelLibs.Attributes.DynamicExcelColumn(Key(i)) { Width = c.Width })],
            AutoFilter = false,
            FreezeRowCount = HeaderRow,
        };
        var sheets = new Dictionary<string, object>
        {
            [texts.Get(lang, "pledge-officer.sheet")] = list,
            [texts.Get(lang, "pledge-officer.sheet-tallies")] = tallies,
        };
        using var stream = new MemoryStream();
        // Values are written as text cells, never as formulas: a name starting with "=" stays text.
        stream.SaveAs(sheets, printHeader: false, configuration: configuration);

        var plain = new RowLook(Bold: false, Grid: false);
        var title = new RowLook(Bold: true, Grid: false);
        var header = new RowLook(Bold: true, Grid: true);
        return XlsxStyling.Apply(stream.ToArray(), new Dictionary<int, IReadOnlyDictionary<int, RowLook>>
        {
            [1] = new Dictionary<int, RowLook> { [1] = title, [2] = title, [3] = plain, [4] = plain, [5] = plain, [6] = plain, [HeaderRow] = header },
            [2] = new Dictionary<int, RowLook> { [1] = header, [tallies.Count] = header },
        });
    }

    private IEnumerable<string> TitleBlock(string lang, ExportScope scope)
    {
        var plans = scope.Plan is { } p ? [p] : scope.Rows.Select(r => r.PlanId).Distinct().Select(content.FindPlan).OfType<Plan>().ToList();
        yield return string.Join("; ", plans.Select(x => x.Issuer.For(lang)).Distinct());
        yield return texts.Get(lang, "pledge-officer.sheet-heading");
        yield return Fill(lang, "pledge-officer.sheet-plan", "plan", scope.Plan?.Title.For(lang) ?? texts.Get(lang, "pledge-officer.scope-all"));
        // The unit as the members wrote it when the filter matched one unit ("to dien" → "Tổ Điện").
        var units = scope.Rows.Select(r => r.Unit).DistinctBy(PledgeText.Key).ToList();
        var unit = scope.Unit is null ? texts.Get(lang, "pledge-officer.units-all") : units.Count == 1 ? units[0] : scope.Unit;
        yield return Fill(lang, "pledge-officer.sheet-unit", "unit", unit);
        var at = TimeZoneInfo.ConvertTime(scope.At, calendar.Zone);
        yield return Fill(lang, "pledge-officer.sheet-date", "date", at.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture));
    }

    private object?[] Cells(string lang, Pledge p, int number)
    {
        var plan = content.FindPlan(p.PlanId);
        var movements = string.Join("; ", p.Movements.Select(id => plan?.Movements.FirstOrDefault(m => m.Id == id)?.Name.For(lang) ?? id));
        return
        [
            number, p.FullName, p.Position, p.Unit, summary.PlanTitle(lang, p.PlanId), movements, summary.TitleName(lang, p.TitleId),
            pledges.Commendation(p.CommendationId)?.Name.For(lang) ?? "", p.Initiative ?? "", p.InitiativeField ?? "", p.Commitment ?? "",
            summary.Date(p.CreatedAt), summary.Status(lang, p.Status),
        ];
    }

    /// <summary>
    /// Unit × title counts, the titles in the form's order, a total column and a total row. Numbered like the list, which
    /// also gives the unit column a list column's width (MiniExcel's widths are per column key, for every sheet).
    /// </summary>
    private List<IDictionary<string, object?>> Tallies(string lang, IReadOnlyList<Pledge> rows)
    {
        var titles = pledges.Form.Titles.Select(t => t.Id).ToList();
        titles.AddRange(rows.Select(r => r.TitleId).Where(id => !titles.Contains(id)).Distinct());
        var result = new List<IDictionary<string, object?>>
        {
            TallyRow([texts.Get(lang, "pledge-officer.col-stt"), texts.Get(lang, "pledge-officer.col-unit"), .. titles.Select(t => (object?)summary.TitleName(lang, t)), texts.Get(lang, "pledge-officer.col-total")]),
        };
        var number = 0;
        foreach (var unit in rows.GroupBy(r => PledgeText.Key(r.Unit)).OrderBy(g => g.First().Unit, StringComparer.Ordinal))
            result.Add(TallyRow([++number, unit.First().Unit, .. titles.Select(t => (object?)unit.Count(r => r.TitleId == t)), unit.Count()]));
        result.Add(TallyRow([null, texts.Get(lang, "pledge-officer.total"), .. titles.Select(t => (object?)rows.Count(r => r.TitleId == t)), rows.Count]));
        return result;
    }

    /// <summary>A text with one value, not HTML-escaped as chat texts are: a cell shows "A&B" as typed.</summary>
    private string Fill(string lang, string key, string name, string value) => Texts.FillPlain(texts.Entries[key].For(lang), (name, value));

    private static string Key(int column) => $"c{column}";

    /// <summary>A row of the list: every column (MiniExcel takes the columns from the first row); missing cells are empty.</summary>
    private static Dictionary<string, object?> Row(params object?[] cells)
    {
        var row = new Dictionary<string, object?>();
        for (var i = 0; i < Columns.Length; i++) row[Key(i)] = i < cells.Length ? cells[i] : null;
        return row;
    }

    /// <summary>A row of the tallies, as wide as the title count makes it.</summary>
    private static Dictionary<string, object?> TallyRow(params object?[] cells) =>
        cells.Select((c, i) => (Key: Key(i), Value: c)).ToDictionary(x => x.Key, x => x.Value);
}
