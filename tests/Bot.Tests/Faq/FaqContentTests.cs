using Bot.Content;
using Bot.Faq;

namespace Bot.Tests.Faq;

public class FaqContentTests
{
    [Fact]
    public void EveryFaqAnswerInDialogsHasASourceInBothLanguages()
    {
        var entries = FaqTestContent.Catalog.Items.Where(i => i.Kind == FaqItemKind.Entry).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Source.Vi) || string.IsNullOrWhiteSpace(e.Source.En), $"{e.Id} has no source"));
    }

    [Fact]
    public void EveryPlanPassageCitesItsDocument()
    {
        var passages = FaqTestContent.Catalog.Items.Where(i => i.Kind == FaqItemKind.Passage).ToList();
        Assert.NotEmpty(passages);
        Assert.All(passages, p => Assert.False(string.IsNullOrWhiteSpace(p.Document?.Vi) || string.IsNullOrWhiteSpace(p.Source.Vi), $"{p.Id} has no citation"));
    }

    [Fact]
    public void TheFaqCoversTheNationalPlansFactsAMemberAsksAbout()
    {
        var ids = FaqTestContent.Catalog.Items.Select(i => i.Id).ToHashSet();
        string[] required = ["tld-2021-theme", "tld-2021-signed", "tld-2021-contents", "tld-2021-phases", "tld-2021-dot-1", "tld-2021-dot-2",
            "tld-2021-movements", "tld-2021-member-tasks", "general-motto", "general-khen-thuong-principles", "general-cnvcld", "general-atvsld",
            "quang-tri-2021-issued", "quang-tri-2021-tasks-province", "quang-tri-2021-tasks-grassroots", "lai-chau-2020-2025-issued"];
        Assert.All(required, id => Assert.Contains(id, ids));
    }

    [Fact]
    public void AnAnswerThatNamesThe2013LawAlsoNamesTheLawInForce()
    {
        // The 2020–2021 documents cite the law as amended in 2013; since 01/01/2024 Law 06/2022/QH15 applies.
        var citing = FaqTestContent.Catalog.Items.Where(i => i.Kind == FaqItemKind.Entry && (i.Answer.Vi.Contains("2013") || i.Answer.En.Contains("2013"))).ToList();

        Assert.NotEmpty(citing);
        Assert.All(citing, i => Assert.True(i.Answer.Vi.Contains("06/2022/QH15") && i.Answer.En.Contains("06/2022/QH15"), i.Id));
        // …and cites it: the plans' documents are not where a member reads about the law in force.
        Assert.All(citing, i => Assert.True(i.Source.Vi.Contains("06/2022/QH15") && i.Source.En.Contains("06/2022/QH15"), i.Id));
    }

    [Fact]
    public void AnAnswerWithoutSourceStopsTheLoadNamingFileAndLine()
    {
        using var dir = CopyOfDialogs();
        File.WriteAllText(Path.Combine(dir.Path, "faq", "zz-broken.yaml"), """
            entries:
              - id: no-source
                questions: ["Câu hỏi?"]
                answer: { vi: "Trả lời.", en: "Answer." }
            """);
        var error = Assert.Throws<ContentException>(() => FaqCatalog.Load(Load(dir.Path)));
        Assert.Contains(error.Problems, p => p.StartsWith("faq/zz-broken.yaml:2:", StringComparison.Ordinal) && p.Contains("no source"));
    }

    [Fact]
    public void DuplicateIdsUnknownPlansAndEmptyQuestionsAreReported()
    {
        using var dir = CopyOfDialogs();
        File.WriteAllText(Path.Combine(dir.Path, "faq", "zz-broken.yaml"), """
            entries:
              - id: tld-2021-theme
                plan: ha-noi-2030
                questions: []
                answer: { vi: "Trả lời.", en: "" }
                source: { vi: "Nguồn", en: "Source" }
            """);
        var problems = Assert.Throws<ContentException>(() => FaqCatalog.Load(Load(dir.Path))).Problems;
        Assert.Contains(problems, p => p.Contains("already used in faq/tld-2021.yaml"));
        Assert.Contains(problems, p => p.Contains("'ha-noi-2030' is not one of the plans"));
        Assert.Contains(problems, p => p.Contains("questions") && p.Contains("at least one question"));
        Assert.Contains(problems, p => p.Contains("answer") && p.Contains("(en)"));
    }

    [Fact]
    public void ASynonymFileNamingAnUnknownPlanIsReported()
    {
        using var dir = CopyOfDialogs();
        var file = Path.Combine(dir.Path, "faq", FaqCatalog.SynonymsFile);
        File.WriteAllText(file, File.ReadAllText(file).Replace("\nplans:\n", "\nplans:\n  ha-noi-2030:\n    label: { vi: \"HN\", en: \"HN\" }\n    names: [\"hà nội\"]\n", StringComparison.Ordinal));
        var problems = Assert.Throws<ContentException>(() => FaqCatalog.Load(Load(dir.Path))).Problems;
        Assert.Contains(problems, p => p.StartsWith("faq/synonyms.yaml:", StringComparison.Ordinal) && p.Contains("ha-noi-2030"));
    }

    internal static BotContent Load(string path) => BotContent.Load(new ContentOptions { Path = path });

    /// <summary>A throw-away copy of the shipped dialogs/ to break on purpose.</summary>
    /// <param name="sources">Without the source documents the index builds several times faster; a test about reloading
    /// entries or plans does not need them.</param>
    internal static TempDialogs CopyOfDialogs(bool sources = true)
    {
        var target = new TempDialogs(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "faq-tests-" + Guid.NewGuid().ToString("N")));
        var source = System.IO.Path.Combine(AppContext.BaseDirectory, "dialogs");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            if (!sources && System.IO.Path.GetRelativePath(source, file).StartsWith(SourcePassages.Folder + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            var to = System.IO.Path.Combine(target.Path, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    internal sealed class TempDialogs(string path) : IDisposable
    {
        public string Path { get; } = path;
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
