using System.IO.Compression;
using System.Xml.Linq;

namespace Bot.Tests.Pledges;

/// <summary>Reads an .xlsx as Excel would, from its XML: sheet names, cell texts by reference ("A7") and bold cells.</summary>
internal sealed class XlsxFile
{
    private static readonly XNamespace X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace Rels = "http://schemas.openxmlformats.org/package/2006/relationships";
    private readonly Dictionary<string, XDocument> _sheets = [];
    private readonly List<string> _shared = [];
    private readonly List<bool> _boldFormats = [];

    public XlsxFile(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        XDocument Load(string path) { using var s = zip.GetEntry(path.TrimStart('/'))!.Open(); return XDocument.Load(s); }
        var rels = Load("xl/_rels/workbook.xml.rels").Root!.Elements(Rels + "Relationship").ToDictionary(r => (string)r.Attribute("Id")!, r => (string)r.Attribute("Target")!);
        foreach (var sheet in Load("xl/workbook.xml").Descendants(X + "sheet"))
        {
            var target = rels[(string)sheet.Attribute(R + "id")!].TrimStart('/');
            _sheets[(string)sheet.Attribute("name")!] = Load(target.StartsWith("xl/", StringComparison.Ordinal) ? target : "xl/" + target);
            SheetNames.Add((string)sheet.Attribute("name")!);
        }
        if (zip.GetEntry("xl/sharedStrings.xml") is not null)
            _shared.AddRange(Load("xl/sharedStrings.xml").Root!.Elements(X + "si").Select(si => string.Concat(si.Descendants(X + "t").Select(t => t.Value))));
        var styles = Load("xl/styles.xml").Root!;
        var boldFonts = styles.Element(X + "fonts")!.Elements(X + "font").Select(f => f.Element(X + "b") is not null).ToList();
        _boldFormats.AddRange(styles.Element(X + "cellXfs")!.Elements(X + "xf").Select(xf => boldFonts[(int?)xf.Attribute("fontId") ?? 0]));
    }

    public List<string> SheetNames { get; } = [];

    public string this[string sheet, string cell] => Cell(sheet, cell) is { } c ? Text(c) : "";

    public bool IsBold(string sheet, string cell) => Cell(sheet, cell) is { } c && _boldFormats[(int?)c.Attribute("s") ?? 0];

    /// <summary>The texts of one row, from column A to the last written cell.</summary>
    public string[] Row(string sheet, int row) =>
        [.. _sheets[sheet].Descendants(X + "row").Single(r => (int)r.Attribute("r")! == row).Elements(X + "c").Select(Text)];

    public int LastRow(string sheet) => _sheets[sheet].Descendants(X + "row").Max(r => (int)r.Attribute("r")!);

    private XElement? Cell(string sheet, string reference) =>
        _sheets[sheet].Descendants(X + "c").FirstOrDefault(c => (string?)c.Attribute("r") == reference);

    private string Text(XElement cell) => (string?)cell.Attribute("t") switch
    {
        "s" => _shared[int.Parse(cell.Element(X + "v")!.Value, System.Globalization.CultureInfo.InvariantCulture)],
        "inlineStr" => string.Concat(cell.Descendants(X + "t").Select(t => t.Value)),
        _ => cell.Element(X + "v")?.Value ?? "",
    };
}
