using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Bot.Content;

namespace Bot.Pledges;

/// <summary>The registration list as an .xlsx file, in the layout of the paper lists officers used to retype.</summary>
public sealed class PledgeSheet(PledgeContent pledges, PledgeSummary summary, Texts texts)
{
    private static readonly (string Key, int Width)[] Columns =
    [
        ("stt", 6), ("name", 28), ("position", 20), ("unit", 28), ("title", 30), ("commendation", 20), ("initiative", 40), ("date", 14), ("status", 14),
    ];

    public byte[] Build(string lang, IReadOnlyList<Pledge> rows)
    {
        var headers = Columns.Select(c => texts.Get(lang, $"pledge-officer.col-{c.Key}")).ToArray();
        var values = rows.Select((p, i) => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [headers[0]] = i + 1,
            [headers[1]] = p.FullName,
            [headers[2]] = p.Position,
            [headers[3]] = p.Unit,
            [headers[4]] = summary.TitleName(lang, p.TitleId),
            [headers[5]] = pledges.Commendation(p.CommendationId)?.Name.For(lang) ?? "",
            [headers[6]] = p.Initiative ?? "",
            [headers[7]] = summary.Date(p.CreatedAt),
            [headers[8]] = summary.Status(lang, p.Status),
        }).ToList();
        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns = [.. Columns.Select((c, i) => new DynamicExcelColumn(headers[i]) { Width = c.Width })],
        };
        using var stream = new MemoryStream();
        // Strings are written as inline strings, never as formulas: a name starting with "=" stays text.
        stream.SaveAs(values, sheetName: texts.Get(lang, "pledge-officer.sheet"), configuration: configuration);
        return stream.ToArray();
    }
}
