using System.Text.RegularExpressions;
using Bot.Content;

namespace Bot.Faq;

/// <summary>
/// Everything the FAQ can answer, loaded and validated from dialogs/faq/ (entries and synonyms) plus the plan
/// passages. A broken file is reported as "file:line: problem", like the rest of dialogs/.
/// </summary>
public sealed partial class FaqCatalog
{
    public const string SynonymsFile = "synonyms.yaml";
    public const string EnglishFileName = "english.yaml";
    public const string GlossaryFileName = "glossary.yaml";
    public const string SmallTalkFileName = "smalltalk.yaml";
    public const string QuestionTypesFileName = "question-types.yaml";
    private static readonly HashSet<string> NotEntries = [SynonymsFile, EnglishFileName, GlossaryFileName, SmallTalkFileName, QuestionTypesFileName];

    public required IReadOnlyList<FaqItem> Items { get; init; }
    public required SynonymFile Synonyms { get; init; }
    public required EnglishFile English { get; init; }
    public required GlossaryFile Glossary { get; init; }
    public required SmallTalkFile SmallTalk { get; init; }
    public required QuestionTypesFile QuestionTypes { get; init; }
    public required string DefaultPlanId { get; init; }

    /// <summary>The years each plan covers, so a question about another year is not answered from it.</summary>
    public required IReadOnlyDictionary<string, (int From, int To)> PlanYears { get; init; }

    public int EntryCount => Items.Count(i => i.Kind == FaqItemKind.Entry);
    public int PassageCount => Items.Count(i => i.Kind == FaqItemKind.Passage);

    /// <summary>Loads dialogs/faq/*.yaml next to the plans; throws <see cref="ContentException"/> listing every problem.</summary>
    public static FaqCatalog Load(BotContent content)
    {
        var folder = Path.Combine(content.Root, "faq");
        var problems = new List<string>();
        var synonyms = LoadSynonyms(content, folder, problems);

        var items = new List<FaqItem>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.yaml").Where(f => !NotEntries.Contains(Path.GetFileName(f))).Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        foreach (var path in files)
        {
            var file = YamlContent<FaqFile>.Load(path, BotContent.Display(content.Root, path), problems);
            if (file.Value is not { } faq) continue;
            if (faq.Entries.Count == 0) problems.Add(file.Problem("entries", "the file has no entries"));
            for (var i = 0; i < faq.Entries.Count; i++)
            {
                var entry = faq.Entries[i];
                if (Validate(file, $"entries[{i}]", entry, content, seen, problems)) items.Add(ToItem(entry));
            }
        }
        if (items.Count == 0 && problems.Count == 0) problems.Add($"{BotContent.Display(content.Root, folder)}: no FAQ entries (*.yaml)");
        var english = LoadOptional<EnglishFile>(content, Path.Combine(folder, EnglishFileName), problems);
        var glossary = LoadOptional<GlossaryFile>(content, Path.Combine(folder, GlossaryFileName), problems);
        var smallTalk = SmallTalkFile.Load(content, Path.Combine(folder, SmallTalkFileName), problems);
        var questionTypes = LoadOptional<QuestionTypesFile>(content, Path.Combine(folder, QuestionTypesFileName), problems);
        items.AddRange(SourcePassages.Load(content, problems));
        if (problems.Count > 0) throw new ContentException(problems);

        foreach (var plan in content.Plans)
        {
            var label = synonyms.Plans.TryGetValue(plan.Id, out var names) ? names.Label : plan.Title;
            items.AddRange(PlanPassages.From(plan, content.Texts, label));
        }
        return new FaqCatalog
        {
            Items = items,
            Synonyms = synonyms,
            English = english,
            Glossary = glossary,
            SmallTalk = smallTalk,
            QuestionTypes = questionTypes,
            DefaultPlanId = content.DefaultPlanId,
            PlanYears = content.Plans.ToDictionary(p => p.Id, p => (p.Start.Year, p.End.Year)),
        };
    }

    private static bool Validate(YamlContent<FaqFile> file, string at, FaqEntry entry, BotContent content, Dictionary<string, string> seen, List<string> problems)
    {
        var before = problems.Count;
        if (!IdShape().IsMatch(entry.Id)) problems.Add(file.Problem($"{at}.id", "must be lower-case letters, digits and dashes"));
        else if (seen.TryGetValue(entry.Id, out var other)) problems.Add(file.Problem($"{at}.id", $"'{entry.Id}' is already used in {other}"));
        else seen[entry.Id] = file.File;
        if (entry.Plan is { } plan && content.FindPlan(plan) is null) problems.Add(file.Problem($"{at}.plan", $"'{plan}' is not one of the plans"));
        if (entry.Questions.Count == 0 || entry.Questions.Any(string.IsNullOrWhiteSpace))
            problems.Add(file.Problem($"{at}.questions", "needs at least one question, none empty"));
        PlanValidator.Require(file, $"{at}.answer", entry.Answer, problems);
        // Every answer cites where it comes from: the bot never states a fact without its source.
        if (entry.Source is null) problems.Add(file.Problem(at, "has no source (which document, which section)"));
        else PlanValidator.Require(file, $"{at}.source", entry.Source, problems);
        return problems.Count == before;
    }

    private static FaqItem ToItem(FaqEntry entry) => new()
    {
        Id = entry.Id,
        Kind = FaqItemKind.Entry,
        PlanId = entry.Plan,
        Label = new Localized { Vi = entry.Questions[0].Trim(), En = entry.QuestionsEn.FirstOrDefault(q => !string.IsNullOrWhiteSpace(q))?.Trim() ?? entry.Questions[0].Trim() },
        Answer = entry.Answer,
        Source = entry.Source!,
        Questions = entry.Questions,
        Body = entry.Answer.Vi,
        QuestionsEn = entry.QuestionsEn,
        BodyEn = entry.Answer.En,
        VietnameseUnderEnglish = entry.VietnameseUnderEnglish,
    };

    private static T LoadOptional<T>(BotContent content, string path, List<string> problems) where T : new() =>
        File.Exists(path) ? YamlContent<T>.Load(path, BotContent.Display(content.Root, path), problems).Value ?? new T() : new T();

    private static SynonymFile LoadSynonyms(BotContent content, string folder, List<string> problems)
    {
        var path = Path.Combine(folder, SynonymsFile);
        if (!File.Exists(path)) return new SynonymFile();
        var file = YamlContent<SynonymFile>.Load(path, BotContent.Display(content.Root, path), problems);
        if (file.Value is not { } synonyms) return new SynonymFile();
        foreach (var (id, names) in synonyms.Plans)
        {
            if (content.FindPlan(id) is null) problems.Add(file.Problem($"plans.{id}", $"'{id}' is not one of the plans"));
            PlanValidator.Require(file, $"plans.{id}.label", names.Label, problems);
            if (names.Names.Count == 0) problems.Add(file.Problem($"plans.{id}.names", "needs at least one name"));
        }
        foreach (var (key, value) in synonyms.Abbreviations.Concat(synonyms.Variants).Concat(synonyms.Numbers))
            if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(value)) problems.Add(file.Problem(key, "needs a non-empty replacement"));
        return synonyms;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdShape();
}
