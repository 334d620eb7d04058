using System.Text.RegularExpressions;
using Bot.Content;
using Bot.Faq;

namespace Bot.Tests.Faq;

/// <summary>
/// Every source passage quotes its seed document word for word (dialogs/sources/README.md): the bot cites what the
/// documents say, not a retelling. Compared without the seeds' Markdown marks (*, #, |) and with spaces collapsed.
/// </summary>
public partial class SourceFidelityTests
{
    public static TheoryData<string> SourceFiles => [.. Directory.EnumerateFiles(Path.Combine(FaqTestContent.RepositoryRoot(), "dialogs", SourcePassages.Folder), "*.yaml").Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(SourceFiles))]
    public void EveryPassageIsQuotedVerbatimFromItsSeed(string file)
    {
        var root = FaqTestContent.RepositoryRoot();
        var problems = new List<string>();
        var source = YamlContent<SourceFile>.Load(Path.Combine(root, "dialogs", SourcePassages.Folder, file), file, problems).Value;
        Assert.Empty(problems);
        var seeds = Path.GetFullPath(Path.Combine(root, "..", "shared", "seeds"));
        var seed = Directory.EnumerateFiles(seeds, $"{source!.Seed}_*.txt").SingleOrDefault()
            ?? throw new FileNotFoundException($"No seed {source.Seed} in {seeds} (the repository expects ../shared beside it).");
        var text = Plain(File.ReadAllText(seed));
        var missing = source.Passages.Select(p => p.Text!.Vi).Where(vi => !text.Contains(Plain(vi), StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"{file}: not in seed {source.Seed}: " + string.Join(" | ", missing.Select(m => m.Length > 80 ? m[..80] + "…" : m)));
    }

    private static string Plain(string text) => Spaces().Replace(Marks().Replace(text, ""), " ").Trim();

    [GeneratedRegex(@"[*#|]")]
    private static partial Regex Marks();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
