using Bot.Content;

namespace Bot.Tests.Content;

public class ContentLoadingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("dialogs-").FullName;

    public ContentLoadingTests()
    {
        // Start from the shipped content, then break one thing per test.
        var shipped = Path.Combine(AppContext.BaseDirectory, "dialogs");
        foreach (var file in Directory.EnumerateFiles(shipped, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_root, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private BotContent Load() => BotContent.Load(new ContentOptions { Path = _root });

    [Fact]
    public void TheShippedContentLoadsWithTheThreePlansFromTheSources()
    {
        var content = Load();
        Assert.Equal(["lai-chau-2020-2025", "quang-tri-2021", "tld-2021"], content.Plans.Select(p => p.Id).Order());
        var national = content.FindPlan("tld-2021")!;
        Assert.Equal(new DateOnly(2021, 6, 30), national.Phases[0].End);
        Assert.Equal(new DateOnly(2021, 7, 1), national.Phases[1].Start);
    }

    [Fact]
    public void ASyntaxErrorNamesTheFileAndLine()
    {
        File.AppendAllText(Path.Combine(_root, "texts", "core.yaml"), "\nbroken: [unclosed\n");
        var ex = Assert.Throws<ContentException>(Load);
        Assert.Contains(ex.Problems, p => p.StartsWith("texts/core.yaml:", StringComparison.Ordinal));
    }

    [Fact]
    public void AMissingEnglishTextIsReportedWithItsKeyAndLine()
    {
        File.AppendAllText(Path.Combine(_root, "texts", "core.yaml"), "\nno-english:\n  vi: \"Chỉ có tiếng Việt\"\n");
        var ex = Assert.Throws<ContentException>(Load);
        var problem = Assert.Single(ex.Problems);
        Assert.Matches(@"^texts/core\.yaml:\d+: no-english: needs English text \(en\)$", problem);
    }

    [Fact]
    public void APhaseEndingBeforeItStartsIsReportedAtThatPhase()
    {
        var path = Path.Combine(_root, "plans", "tld-2021.yaml");
        var text = File.ReadAllText(path).Replace("end: 2021-06-30", "end: 2020-06-30");
        File.WriteAllText(path, text);
        var ex = Assert.Throws<ContentException>(Load);
        Assert.Contains(ex.Problems, p => p.Contains("plans/tld-2021.yaml:", StringComparison.Ordinal) && p.Contains("phases[0].end: is before start", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUnknownFieldIsReportedWithTheFileAndLine()
    {
        var path = Path.Combine(_root, "plans", "quang-tri-2021.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\ntheme:", "\nthemes:"));
        var ex = Assert.Throws<ContentException>(Load);
        Assert.Contains(ex.Problems, p => p.StartsWith("plans/quang-tri-2021.yaml:", StringComparison.Ordinal) && p.Contains("themes", StringComparison.Ordinal));
    }

    [Fact]
    public void PlaceholdersMustMatchBetweenLanguages()
    {
        File.AppendAllText(Path.Combine(_root, "texts", "core.yaml"), "\nmismatch:\n  vi: \"Chào {name}\"\n  en: \"Hello {nam}\"\n");
        var ex = Assert.Throws<ContentException>(Load);
        Assert.Contains(ex.Problems, p => p.Contains("mismatch: vi and en must use the same {placeholders}", StringComparison.Ordinal));
    }

    [Fact]
    public void ABrokenFileStopsTheServiceStartWithTheMessageNotAStackTrace()
    {
        File.WriteAllText(Path.Combine(_root, "plans", "tld-2021.yaml"), "id: tld-2021\nkind: plan\nstart: not-a-date\n");
        var ex = Assert.Throws<ContentException>(() => Bot.Hosting.BotHost.Build([], new Bot.Hosting.BotHostOverrides
        {
            Configuration = c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["Content:Path"] = _root, ["Storage:Path"] = ":memory:" }),
        }));
        Assert.StartsWith("The content in dialogs/ has errors:", ex.Message);
        Assert.Contains("plans/tld-2021.yaml:3", ex.Message);
    }

    [Fact]
    public void HostsSharingACacheShareUnchangedContentAndSeeAChangedFile()
    {
        var cache = new ContentCache();
        var options = new ContentOptions { Path = _root };
        var first = cache.GetOrLoad(options);
        Assert.Same(first, cache.GetOrLoad(options));

        File.AppendAllText(Path.Combine(_root, "texts", "core.yaml"), "\nextra:\n  vi: \"Thêm\"\n  en: \"Extra\"\n");
        var changed = cache.GetOrLoad(options);
        Assert.NotSame(first, changed);
        Assert.True(changed.Texts.Has("core.extra"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
