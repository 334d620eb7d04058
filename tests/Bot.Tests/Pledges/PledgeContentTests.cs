using Bot.Content;
using Bot.Pledges;

namespace Bot.Tests.Pledges;

public class PledgeContentTests
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "dialogs");

    [Fact]
    public void TheShippedFormHasTheUnionTitlesWithTheirAbbreviations()
    {
        var content = PledgeContent.Load(Shipped);
        Assert.Equal(["ldtt", "cstd-co-so", "cstd-tinh-bo", "cstd-toan-quoc", "dvcd-xuat-sac"], content.Form.Titles.Select(t => t.Id));
        Assert.Contains("LĐTT", content.Title("ldtt")!.Abbreviations);
        Assert.All(content.Form.Titles.Where(t => t.Id.StartsWith("cstd", StringComparison.Ordinal)), t => Assert.True(t.RequiresInitiative));
        Assert.Equal(["giay-khen", "bang-khen"], content.Form.Commendations.Select(c => c.Id));
    }

    [Fact]
    public void ABrokenFormFileStopsTheStartNamingFileAndLine()
    {
        var root = Copy();
        try
        {
            var form = Path.Combine(root, "pledge", "form.yaml");
            var text = File.ReadAllText(form)
                .Replace("version: 1", "version: 0", StringComparison.Ordinal)
                .Replace("- id: cstd-co-so", "- id: CSTD co so", StringComparison.Ordinal)
                .Replace("abbreviations: [\"CSTĐTQ\"", "abbreviations: [\"LĐTT\"", StringComparison.Ordinal);
            File.WriteAllText(form, text);
            var ex = Assert.Throws<ContentException>(() => PledgeContent.Load(root));
            var lines = text.Split('\n');
            int LineOf(string s) => Array.FindIndex(lines, l => l.Contains(s, StringComparison.Ordinal)) + 1;
            Assert.Contains($"pledge/form.yaml:{LineOf("version: 0")}: version: must be a whole number", ex.Message);
            Assert.Contains($"pledge/form.yaml:{LineOf("CSTD co so")}: titles[1].id: must be lower-case", ex.Message);
            Assert.Contains("'LĐTT' is also a spelling of title 'ldtt'", ex.Message);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void AYamlSyntaxErrorOrUnknownFieldIsReportedWithItsLine()
    {
        var root = Copy();
        try
        {
            File.AppendAllText(Path.Combine(root, "pledge", "vocabulary.yaml"), "\nsynonyms: [a, b]\n");
            File.WriteAllText(Path.Combine(root, "pledge", "form.yaml"), "version: 1\ntitles: [\n");
            var ex = Assert.Throws<ContentException>(() => PledgeContent.Load(root));
            Assert.Contains("pledge/form.yaml:", ex.Message);
            Assert.Matches(@"pledge/vocabulary\.yaml:\d+: unknown or misplaced field", ex.Message);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task TheBotDoesNotStartWithABrokenFormFile()
    {
        var root = Path.Combine(Path.GetTempPath(), $"dialogs-{Guid.NewGuid():N}");
        CopyDirectory(Shipped, root);
        try
        {
            File.WriteAllText(Path.Combine(root, "pledge", "form.yaml"), "version: 1\ndraftExpiryHours: 0\n");
            var ex = await Assert.ThrowsAsync<ContentException>(() => TestBot.StartAsync(new Dictionary<string, string?> { ["Content:Path"] = root }));
            Assert.Contains("pledge/form.yaml:2: draftExpiryHours: must be at least 1", ex.Message);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Copy()
    {
        var root = Path.Combine(Path.GetTempPath(), $"pledge-content-{Guid.NewGuid():N}");
        CopyDirectory(Path.Combine(Shipped, "pledge"), Path.Combine(root, "pledge"));
        return root;
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories)) File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
    }
}
