using Bot.Content;
using Bot.Faq;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Faq;

public class FaqLibraryTests
{
    private static FaqLibrary Library(string dialogs) => new(
        FaqContentTests.Load(dialogs),
        Options.Create(new ContentOptions { Path = dialogs }),
        new StaticOptionsMonitor(new FaqOptions()),
        NullLogger<FaqLibrary>.Instance);

    [Fact]
    public async Task TheIndexIsBuiltInTheBackgroundAndAQuestionAskedAtOnceWaitsForItAndIsAnswered()
    {
        var library = Library(Path.Combine(AppContext.BaseDirectory, "dialogs"));

        var match = library.Ask("đợt 1 bắt đầu khi nào");

        Assert.True(library.Ready.IsCompletedSuccessfully);
        Assert.Equal(FaqOutcome.Answer, match.Outcome);
        Assert.NotEmpty(match.Items);
        await library.Ready;
    }

    [Fact]
    public void ABrokenFaqFileStillStopsTheLibraryBeforeAnyBackgroundWork()
    {
        using var dir = FaqContentTests.CopyOfDialogs();
        File.WriteAllText(Path.Combine(dir.Path, "faq", "zz-broken.yaml"), "entries:\n  - id: [\n");

        var error = Assert.Throws<ContentException>(() => Library(dir.Path));
        Assert.Contains(error.Problems, p => p.StartsWith("faq/zz-broken.yaml", StringComparison.Ordinal));
    }

    private sealed class StaticOptionsMonitor(FaqOptions value) : IOptionsMonitor<FaqOptions>
    {
        public FaqOptions CurrentValue => value;
        public FaqOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<FaqOptions, string?> listener) => null;
    }
}
