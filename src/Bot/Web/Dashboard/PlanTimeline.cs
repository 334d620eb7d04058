using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Bot.Content;
using Microsoft.AspNetCore.Html;

namespace Bot.Web.Dashboard;

/// <summary>The plans on one time axis (a row each, phases as segments, a line for today), drawn on the server as SVG.</summary>
public static class PlanTimeline
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static IHtmlContent Draw(IReadOnlyList<Plan> plans, DateOnly today, string language, string todayLabel)
    {
        const int width = 720, left = 8, right = 8, row = 44, top = 24;
        if (plans.Count == 0) return HtmlString.Empty;
        var first = plans.Min(p => p.Start);
        var last = new[] { plans.Max(p => p.End), today }.Max();
        var days = Math.Max(1, last.DayNumber - first.DayNumber);
        double X(DateOnly d) => left + (width - left - right) * (double)(d.DayNumber - first.DayNumber) / days;
        var ordered = plans.OrderBy(p => p.Start).ToList();
        var height = top + ordered.Count * row + 8;
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart timeline\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Encoder.Encode(todayLabel)}\">");
        for (var year = first.Year + 1; year <= last.Year; year++)
        {
            var x = X(new DateOnly(year, 1, 1));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" y1=\"{top - 6}\" x2=\"{x:0.#}\" y2=\"{height}\" stroke=\"#c9d0d8\"/><text x=\"{x + 3:0.#}\" y=\"14\">{year}</text>");
        }
        for (var i = 0; i < ordered.Count; i++)
        {
            var plan = ordered[i];
            var y = top + i * row;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{X(plan.Start):0.#}\" y=\"{y + 18}\" width=\"{Math.Max(2, X(plan.End) - X(plan.Start)):0.#}\" height=\"14\" fill=\"#c6d7ea\" rx=\"3\"/>");
            foreach (var phase in plan.Phases)
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{X(phase.Start):0.#}\" y=\"{y + 18}\" width=\"{Math.Max(2, X(phase.End) - X(phase.Start) - 2):0.#}\" height=\"14\" fill=\"#0b5cad\" rx=\"3\"><title>{Encoder.Encode(phase.Name.For(language))}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Math.Min(X(plan.Start), width - 300):0.#}\" y=\"{y + 13}\">{Encoder.Encode(Shorten(plan.Title.For(language), 60))}</text>");
        }
        var t = X(today);
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{t:0.#}\" y1=\"{top - 6}\" x2=\"{t:0.#}\" y2=\"{height}\" stroke=\"#a4161a\" stroke-width=\"2\"/>");
        return new HtmlString(svg.Append("</svg>").ToString());
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
