using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Bot.Web.Dashboard;

/// <summary>
/// Small charts drawn on the server as SVG (no script, no chart library, nothing from a CDN). Each has a title and a
/// description for screen readers, and the numbers are written next to the bars, so colour is never the only cue.
/// </summary>
public static class SvgCharts
{
    private const string Bar = "#0b5cad";
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>Horizontal bars, one row per label.</summary>
    public static IHtmlContent Bars(string title, IReadOnlyList<(string Label, int Count)> rows)
    {
        const int row = 28, labelWidth = 190, width = 440;
        var height = Math.Max(1, rows.Count) * row + 8;
        var max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Count));
        var svg = Open(title, width, height, string.Join(", ", rows.Select(r => $"{r.Label}: {r.Count}")));
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, count) = rows[i];
            var y = i * row + 4;
            var w = (int)Math.Round((width - labelWidth - 50) * (double)count / max);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\">{Encode(Shorten(label, 24))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{Math.Max(w, 1)}\" height=\"{row - 8}\" fill=\"{Bar}\" rx=\"3\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + w + 6}\" y=\"{y + 17}\">{count}</text>");
        }
        return Close(svg);
    }

    /// <summary>Columns over time (one per day or week), the first and last dates written under them.</summary>
    public static IHtmlContent Columns(string title, IReadOnlyList<(string Label, int Count)> points)
    {
        const int width = 420, height = 180, bottom = 150, left = 34;
        var max = Math.Max(1, points.Count == 0 ? 1 : points.Max(p => p.Count));
        var svg = Open(title, width, height, string.Join(", ", points.Where(p => p.Count > 0).Select(p => $"{p.Label}: {p.Count}")));
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{bottom}\" x2=\"{width}\" y2=\"{bottom}\" stroke=\"#4a5360\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"16\" text-anchor=\"end\">{max}</text><text x=\"{left - 6}\" y=\"{bottom}\" text-anchor=\"end\">0</text>");
        var step = points.Count == 0 ? 0 : (double)(width - left - 4) / points.Count;
        for (var i = 0; i < points.Count; i++)
        {
            var h = (int)Math.Round((bottom - 10) * (double)points[i].Count / max);
            var x = left + 2 + i * step;
            if (h > 0) svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{bottom - h}\" width=\"{Math.Max(step - 2, 1):0.#}\" height=\"{h}\" fill=\"{Bar}\"><title>{Encode(points[i].Label)}: {points[i].Count}</title></rect>");
        }
        if (points.Count > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"{bottom + 20}\">{Encode(points[0].Label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width - 2}\" y=\"{bottom + 20}\" text-anchor=\"end\">{Encode(points[^1].Label)}</text>");
        }
        return Close(svg);
    }

    private static StringBuilder Open(string title, int width, int height, string description)
    {
        var id = "c" + Guid.NewGuid().ToString("N")[..8];
        return new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}t {id}d\"><title id=\"{id}t\">{Encode(title)}</title><desc id=\"{id}d\">{Encode(description)}</desc>");
    }

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static string Encode(string text) => Encoder.Encode(text);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
