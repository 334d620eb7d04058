using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Bot.Pledges;

/// <summary>How the cells of one row should look: bold or not, with the thin grid MiniExcel draws or without.</summary>
public readonly record struct RowLook(bool Bold, bool Grid);

/// <summary>
/// A small post-edit of an .xlsx written by MiniExcel, which has no bold option: a bold font and cell formats using it
/// are added to xl/styles.xml, and the chosen rows of each sheet point at them.
/// </summary>
public static partial class XlsxStyling
{
    private static readonly XNamespace X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <param name="looks">Per sheet (1-based, in workbook order): row number (1-based) → look.</param>
    public static byte[] Apply(byte[] xlsx, IReadOnlyDictionary<int, IReadOnlyDictionary<int, RowLook>> looks)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var styles = Load(zip, "xl/styles.xml");
            var formats = new CellFormats(styles);
            foreach (var (sheet, rows) in looks)
            {
                var path = $"xl/worksheets/sheet{sheet}.xml";
                var xml = Read(zip, path);
                // Text edits of the chosen rows only: parsing a sheet of thousands of rows as XML took seconds.
                foreach (var (row, look) in rows) xml = Restyle(xml, row, look, formats);
                Write(zip, path, xml);
            }
            Save(zip, "xl/styles.xml", styles);
        }
        return stream.ToArray();
    }

    /// <summary>Points every cell of one row (MiniExcel writes `&lt;x:row r="7"&gt;…&lt;/x:row&gt;`, cells with s="n") at its restyled format.</summary>
    private static string Restyle(string xml, int row, RowLook look, CellFormats formats)
    {
        var start = xml.IndexOf($"<x:row r=\"{row}\"", StringComparison.Ordinal);
        if (start < 0) return xml;
        var end = xml.IndexOf("</x:row>", start, StringComparison.Ordinal);
        var styled = StyleAttribute().Replace(xml[start..end], m => $"s=\"{formats.For(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), look)}\"");
        return string.Concat(xml.AsSpan(0, start), styled, xml.AsSpan(end));
    }

    [GeneratedRegex("\\bs=\"(\\d+)\"")]
    private static partial Regex StyleAttribute();

    private static string Read(ZipArchive zip, string path)
    {
        using var reader = new StreamReader(zip.GetEntry(path)?.Open() ?? throw new InvalidOperationException($"{path} is missing from the workbook."));
        return reader.ReadToEnd();
    }

    private static void Write(ZipArchive zip, string path, string xml)
    {
        zip.GetEntry(path)!.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(path, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(xml);
    }

    private static XDocument Load(ZipArchive zip, string path)
    {
        using var entry = zip.GetEntry(path)?.Open() ?? throw new InvalidOperationException($"{path} is missing from the workbook.");
        return XDocument.Load(entry);
    }

    private static void Save(ZipArchive zip, string path, XDocument doc)
    {
        zip.GetEntry(path)!.Delete();
        using var entry = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        doc.Save(entry, SaveOptions.DisableFormatting);
    }

    /// <summary>Cell formats derived from existing ones (same number format, alignment), created once per look.</summary>
    private sealed class CellFormats
    {
        private readonly XElement _xfs;
        private readonly int _boldFont;
        private readonly Dictionary<(int, RowLook), int> _made = [];

        public CellFormats(XDocument styles)
        {
            var fonts = styles.Root!.Element(X + "fonts")!;
            var bold = new XElement(fonts.Elements(X + "font").First());
            bold.AddFirst(new XElement(X + "b"));
            fonts.Add(bold);
            _boldFont = fonts.Elements(X + "font").Count() - 1;
            fonts.SetAttributeValue("count", _boldFont + 1);
            _xfs = styles.Root.Element(X + "cellXfs")!;
        }

        public int For(int from, RowLook look)
        {
            if (_made.TryGetValue((from, look), out var made)) return made;
            var xf = new XElement(_xfs.Elements(X + "xf").ElementAt(from));
            if (look.Bold)
            {
                xf.SetAttributeValue("fontId", _boldFont);
                xf.SetAttributeValue("applyFont", 1);
            }
            // Border 0 is "none" and 1 the thin grid in MiniExcel's styles.
            xf.SetAttributeValue("borderId", look.Grid ? 1 : 0);
            _xfs.Add(xf);
            made = _xfs.Elements(X + "xf").Count() - 1;
            _xfs.SetAttributeValue("count", made + 1);
            _made[(from, look)] = made;
            return made;
        }
    }
}
