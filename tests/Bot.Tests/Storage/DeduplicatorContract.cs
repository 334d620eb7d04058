using Bot.Builder.State;
using Bot.Storage;

namespace Bot.Tests.Storage;

/// <summary>What the turn pipeline relies on from de-duplication; every implementation runs this suite.</summary>
public abstract class DeduplicatorContract
{
    protected abstract IActivityDeduplicator Deduplicator { get; }

    [Fact]
    public async Task AMarkedMessageIsKnownAndAForgottenOneIsNot()
    {
        Assert.False(await Deduplicator.WasProcessedAsync("telegram:1:10"));
        await Deduplicator.MarkAsync("telegram:1:10");
        Assert.True(await Deduplicator.WasProcessedAsync("telegram:1:10"));
        Assert.False(await Deduplicator.WasProcessedAsync("telegram:1:11"));
        await Deduplicator.ForgetAsync("telegram:1:10");
        Assert.False(await Deduplicator.WasProcessedAsync("telegram:1:10"));
    }

    [Fact]
    public async Task KeysAreCaseSensitive()
    {
        await Deduplicator.MarkAsync("zalo:Ab:1");
        Assert.False(await Deduplicator.WasProcessedAsync("zalo:ab:1"));
    }
}

public sealed class MemoryDeduplicatorTests : DeduplicatorContract
{
    protected override IActivityDeduplicator Deduplicator { get; } = new MemoryActivityDeduplicator();
}

public sealed class LiteDbDeduplicatorTests : DeduplicatorContract, IDisposable
{
    private readonly TestDatabase _db = new(file: true, new StoreCollection(LiteDbDeduplicator.Collection));

    public LiteDbDeduplicatorTests() => Deduplicator = new LiteDbDeduplicator(_db.Database, _db.Writer, TimeProvider.System);

    protected override IActivityDeduplicator Deduplicator { get; }

    [Fact]
    public async Task AMessageMarkedAgainAfterItsMarkCommittedStaysMarked()
    {
        // A new message's mark is inserted without looking for an older one: a second mark must still be taken.
        await Deduplicator.MarkAsync("telegram:1:10");
        await Deduplicator.MarkAsync("telegram:1:10");
        await Deduplicator.MarkAsync("telegram:1:11");

        Assert.True(await Deduplicator.WasProcessedAsync("telegram:1:10"));
        Assert.True(await Deduplicator.WasProcessedAsync("telegram:1:11"));
    }

    [Fact]
    public async Task InATurnTheMarkIsStoredOnlyWhenTheTurnCommits()
    {
        UnitOfWork.Begin(_db.Writer);
        try
        {
            await Deduplicator.MarkAsync("telegram:1:10");
            Assert.False(await Deduplicator.WasProcessedAsync("telegram:1:10"));
            await UnitOfWork.Current!.CommitAsync();
            Assert.True(await Deduplicator.WasProcessedAsync("telegram:1:10"));
        }
        finally
        {
            UnitOfWork.End();
        }
    }

    [Fact]
    public async Task ANewMessageIsKnownNewWithoutReadingTheStore()
    {
        var dedup = new LiteDbDeduplicator(_db.Database, _db.Writer, TimeProvider.System);
        await dedup.MarkAsync("telegram:1:10");
        Assert.False(await dedup.WasProcessedAsync("telegram:1:11"));
        var reads = dedup.Reads;
        for (var id = 12; id < 20; id++) Assert.False(await dedup.WasProcessedAsync($"telegram:1:{id}"));
        await dedup.MarkAsync("telegram:1:12");
        Assert.False(await dedup.WasProcessedAsync("telegram:1:13"));
        Assert.Equal(reads, dedup.Reads);
        Assert.True(await dedup.WasProcessedAsync("telegram:1:12"));
    }

    [Fact]
    public async Task AMessageReDeliveredAfterARestartIsStillRefused()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bot-{Guid.NewGuid():N}.db");
        try
        {
            using (var before = new TestDatabase(path, new StoreCollection(LiteDbDeduplicator.Collection)))
            {
                var dedup = new LiteDbDeduplicator(before.Database, before.Writer, TimeProvider.System);
                foreach (var key in new[] { "telegram:1:10", "telegram:1:11", "telegram:-1001234:50", "telegram:-100123:7" })
                    await dedup.MarkAsync(key);
            }
            using var after = new TestDatabase(path, new StoreCollection(LiteDbDeduplicator.Collection));
            var restarted = new LiteDbDeduplicator(after.Database, after.Writer, TimeProvider.System);
            Assert.False(await restarted.WasProcessedAsync("telegram:1:12"));
            Assert.True(await restarted.WasProcessedAsync("telegram:1:11"));
            Assert.True(await restarted.WasProcessedAsync("telegram:1:10"));
            // Chats whose ids share a beginning keep their own highest mark.
            Assert.False(await restarted.WasProcessedAsync("telegram:-100123:8"));
            Assert.True(await restarted.WasProcessedAsync("telegram:-100123:7"));
            Assert.True(await restarted.WasProcessedAsync("telegram:-1001234:50"));
            Assert.False(await restarted.WasProcessedAsync("telegram:-1001234:49"));
        }
        finally
        {
            foreach (var f in Directory.GetFiles(System.IO.Path.GetDirectoryName(path)!, System.IO.Path.GetFileNameWithoutExtension(path) + "*")) File.Delete(f);
        }
    }

    public void Dispose() => _db.Dispose();
}
