using Bot.Storage;
using Bot.Tests.Storage;
using Bot.Tests.Storage.PostgreSql;
using Bot.Web.Unanswered;

namespace Bot.Tests.Web.Unanswered;

/// <summary>What the unanswered-questions page relies on; every implementation runs this suite.</summary>
public abstract class UnansweredQuestionStoreContract
{
    protected abstract IUnansweredQuestionStore Store { get; }

    [Fact]
    public async Task RecordedQuestionsComeBackNewestFirstUpToTheLimit()
    {
        foreach (var (text, i) in new[] { "một", "hai", "ba" }.Select((t, i) => (t, i)))
            await Store.RecordAsync(new UnansweredQuestion { Text = text, Outcome = "declined", Language = "vi", At = TestBot.DefaultNow.AddMinutes(i) });

        var recent = await Store.RecentAsync(2);

        Assert.Equal(["ba", "hai"], recent.Select(q => q.Text));
        Assert.True(recent[0].Id > recent[1].Id, "newer questions have higher ids");
        Assert.Equal(TestBot.DefaultNow.AddMinutes(2), recent[0].At);
    }
}

public sealed class LiteDbUnansweredQuestionStoreTests : UnansweredQuestionStoreContract, IDisposable
{
    private readonly TestDatabase _db = new(file: true, new StoreCollection(LiteDbUnansweredQuestionStore.Collection));

    public LiteDbUnansweredQuestionStoreTests() => Store = new LiteDbUnansweredQuestionStore(_db.Database, _db.Writer);

    protected override IUnansweredQuestionStore Store { get; }

    public void Dispose() => _db.Dispose();
}

public sealed class PgUnansweredQuestionStoreTests : UnansweredQuestionStoreContract, IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private IUnansweredQuestionStore? _store;

    protected override IUnansweredQuestionStore Store => _store!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _store = _db.Pick<IUnansweredQuestionStore>(d => new PgUnansweredQuestionStore(d.Database, d.Committer), l => new LiteDbUnansweredQuestionStore(l.Database, l.Writer));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
