using Bot.Storage;
using Bot.Storage.PostgreSql;
using Bot.Tests.Storage.PostgreSql;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Storage;

/// <summary>What the reply outbox relies on; every implementation runs this suite.</summary>
public abstract class ReplyOutboxContract
{
    protected FakeTimeProvider Time { get; } = new(TestBot.DefaultNow);

    protected abstract IReplyOutbox Outbox { get; }

    private static PendingReply To(string chat, string text) => new(new ConversationAddress("test", chat, ChatKind.Private), new Reply { Text = text });

    [Fact]
    public async Task HeldRepliesArePendingOldestFirstUntilReleased()
    {
        await Outbox.HoldAsync("turn-1", [To("m1", "một"), To("m1", "hai")]);
        Time.Advance(TimeSpan.FromSeconds(1));
        await Outbox.HoldAsync("turn-2", [To("m2", "ba")]);

        var pending = await Outbox.PendingAsync();
        Assert.Equal(["turn-1", "turn-2"], pending.Select(p => p.TurnKey));
        Assert.Equal(["một", "hai"], pending[0].Replies.Select(r => r.Reply.Text));
        Assert.Equal("m2", pending[1].Replies[0].To.ChatId);

        await Outbox.ReleaseAsync("turn-1");
        Assert.Equal("turn-2", Assert.Single(await Outbox.PendingAsync()).TurnKey);
    }

    [Fact]
    public async Task HoldingATurnAgainReplacesItsReplies()
    {
        await Outbox.HoldAsync("turn-1", [To("m1", "cũ")]);
        await Outbox.HoldAsync("turn-1", [To("m1", "mới")]);
        Assert.Equal("mới", Assert.Single(Assert.Single(await Outbox.PendingAsync()).Replies).Reply.Text);
    }
}

public sealed class LiteDbReplyOutboxTests : ReplyOutboxContract, IDisposable
{
    private readonly TestDatabase _db = new(file: true, new StoreCollection(LiteDbReplyOutbox.Collection));

    public LiteDbReplyOutboxTests() => Outbox = new LiteDbReplyOutbox(_db.Database, _db.Writer, Time);

    protected override IReplyOutbox Outbox { get; }

    public void Dispose() => _db.Dispose();
}

public sealed class PgReplyOutboxTests : ReplyOutboxContract, IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private IReplyOutbox? _outbox;

    protected override IReplyOutbox Outbox => _outbox!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _outbox = _db.Pick<IReplyOutbox>(d => new PgReplyOutbox(d.Database, d.Committer, Time), l => new LiteDbReplyOutbox(l.Database, l.Writer, Time));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
