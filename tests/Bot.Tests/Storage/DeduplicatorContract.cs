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

    public void Dispose() => _db.Dispose();
}
