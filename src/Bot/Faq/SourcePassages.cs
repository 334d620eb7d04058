using System.Text.RegularExpressions;
using Bot.Content;

namespace Bot.Faq;

/// <summary>
/// Every paragraph of the source documents (dialogs/sources/*.yaml) as a quotable passage. Curated entries and plan
/// passages hold the facts members ask most; these make sure a fact that is in a document is never out of reach,
/// including the two news reports that no plan file covers.
/// </summary>
internal static partial class SourcePassages
{
    public const string Folder = "sources";

    public static IEnumerable<FaqItem> Load(BotContent content, List<string> problems)
    {
        var folder = Path.Combine(content.Root, Folder);
        if (!Directory.Exists(folder)) return [];
        var items = new List<FaqItem>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var file = YamlContent<SourceFile>.Load(path, BotContent.Display(content.Root, path), problems);
            if (file.Value is not { } source) continue;
            var before = problems.Count;
            var id = Path.GetFileNameWithoutExtension(path);
            if (!IdShape().IsMatch(id)) problems.Add($"{file.File}:1: the file name must be lower-case letters, digits and dashes");
            if (source.Plan is { } plan && content.FindPlan(plan) is null) problems.Add(file.Problem("plan", $"'{plan}' is not one of the plans"));
            PlanValidator.Require(file, "document", source.Document, problems);
            if (source.Passages.Count == 0) problems.Add(file.Problem("passages", "the file has no passages"));
            for (var i = 0; i < source.Passages.Count; i++)
            {
                var p = source.Passages[i];
                PlanValidator.Require(file, $"passages[{i}].section", p.Section, problems);
                PlanValidator.Require(file, $"passages[{i}].topic", p.Topic, problems);
                PlanValidator.Require(file, $"passages[{i}].text", p.Text, problems);
                if (p.Asks is { } asks && asks.Vi.Concat(asks.En).Any(string.IsNullOrWhiteSpace))
                    problems.Add(file.Problem($"passages[{i}].asks", "a question is empty"));
            }
            if (problems.Count > before) continue;
            var years = Years(source);
            for (var i = 0; i < source.Passages.Count; i++)
                items.Add(ToItem(id, i + 1, source, source.Passages[i]) with { Years = years });
        }
        return items;
    }

    private static FaqItem ToItem(string file, int number, SourceFile source, SourcePassage p) => new()
    {
        Id = $"{file}/{number}",
        Kind = FaqItemKind.Passage,
        PlanId = source.Plan,
        Label = p.Topic!,
        Answer = p.Text!,
        Source = p.Section!,
        Document = source.Document,
        DocumentNames = source.Names,
        Heading = p.Topic,
        // Members name the document a fact is in ("theo bài sơ kết khối thi đua…"): its title and the section are
        // searched next to the topic, as the last phrasing (the passage's context, not a question of its own).
        Questions = [p.Topic!.Vi, .. p.Asks?.Vi ?? [], $"{Title(source.Document!.Vi)} {p.Section!.Vi}"],
        Body = p.Text!.Vi,
        QuestionsEn = [p.Topic.En, .. p.Asks?.En ?? [], $"{Title(source.Document.En)} {p.Section.En}"],
        BodyEn = p.Text.En,
        Extractable = true,
        ContextPhrasings = 1,
    };

    /// <summary>
    /// The years a document speaks of (its date and every year its text names): "ai viết bài sơ kết khối năm 2020" is
    /// about the 2020 report though its byline names no year.
    /// </summary>
    private static HashSet<int> Years(SourceFile source)
    {
        var years = new HashSet<int>();
        if (source.Published is { } published) years.Add(published.Year);
        foreach (var p in source.Passages)
            foreach (Match m in YearWord().Matches(p.Text?.Vi ?? ""))
                years.Add(int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture));
        return years;
    }

    [GeneratedRegex(@"(?<!\d)(19|20)\d\d(?!\d)")]
    private static partial Regex YearWord();

    /// <summary>A document's title without its date in brackets: a date there would match every question naming the year.</summary>
    internal static string Title(string document) => Bracketed().Replace(document, "");

    [GeneratedRegex(@"\s*\([^)]*\)")]
    private static partial Regex Bracketed();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdShape();
}
