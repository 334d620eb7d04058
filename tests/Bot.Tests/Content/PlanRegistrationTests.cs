using Bot.Content;
using Bot.Pledges;
using LiteDB;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Content;

/// <summary>`registration: { opens, closes }` in a plan file: validated with file:line, and obeyed.</summary>
public class PlanRegistrationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("dialogs-").FullName;

    public PlanRegistrationTests()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "dialogs");
        foreach (var file in Directory.EnumerateFiles(shipped, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_root, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private void AddToTld(string yaml) => File.AppendAllText(Path.Combine(_root, "plans", "tld-2021.yaml"), "\n" + yaml + "\n");

    private BotContent Load() => BotContent.Load(new ContentOptions { Path = _root });

    private static int LastLine(string path) => File.ReadAllLines(path).Length;

    [Fact]
    public void TheShippedPlansNameNoRegistrationDates()
    {
        Assert.All(Load().Plans, p => Assert.Null(p.Registration));
    }

    [Fact]
    public void ClosingBeforeOpeningIsReportedWithFileAndLine()
    {
        AddToTld("registration:\n  opens: 2021-03-01\n  closes: 2021-02-01");
        var line = LastLine(Path.Combine(_root, "plans", "tld-2021.yaml"));
        var ex = Assert.Throws<ContentException>(Load);
        Assert.Contains($"plans/tld-2021.yaml:{line}: registration.closes: is before opens", ex.Problems);
    }

    [Theory]
    [InlineData("registration: { opens: 2021-13-01 }")]
    [InlineData("registration: { open: 2021-01-01 }")]
    [InlineData("registration: {}")]
    [InlineData("registration: { opens: 2022-01-05 }")]
    public void AWrongRegistrationBlockStopsTheStartNamingTheFile(string yaml)
    {
        AddToTld(yaml);
        var ex = Assert.Throws<ContentException>(Load);
        Assert.Contains(ex.Problems, p => p.StartsWith("plans/tld-2021.yaml:", StringComparison.Ordinal));
    }

    [Fact]
    public void APlanWithRegistrationDatesTakesPledgesOnlyBetweenThemBothDaysIncluded()
    {
        AddToTld("registration: { opens: 2021-01-10, closes: 2021-01-31 }");
        var content = Load();
        var time = new FakeTimeProvider(new DateTimeOffset(2021, 1, 9, 23, 0, 0, TimeSpan.FromHours(7)));
        using var db = new Bot.Tests.Storage.TestDatabase();
        var periods = new RegistrationPeriods(new LiteDbRegistrationOverrideStore(db.Database, db.Writer), content, new PlanCalendar(content, time, Options.Create(new ContentOptions { Path = _root })));
        var tld = content.FindPlan("tld-2021")!;
        Assert.False(periods.IsOpen(tld));
        time.Advance(TimeSpan.FromHours(1)); // 10/01 00:00 in Vietnam
        Assert.True(periods.IsOpen(tld));
        time.Advance(TimeSpan.FromDays(21) + TimeSpan.FromHours(23)); // 31/01 23:00
        Assert.True(periods.IsOpen(tld));
        time.Advance(TimeSpan.FromHours(1));
        Assert.False(periods.IsOpen(tld));
        // The plan still runs, but only the plans without dates take pledges now.
        Assert.DoesNotContain(tld, periods.OpenPlans());
        Assert.Contains(periods.OpenPlans(), p => p.Id == "quang-tri-2021");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
