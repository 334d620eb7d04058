using Bot.Storage;
using LiteDB;

namespace Bot.Tests.Storage;

public sealed class LiteFileTests : IDisposable
{
    private readonly TestDatabase _db = new(file: true, new StoreCollection("items"));

    private static LiteWrite Insert(int id) =>
        new($"insert {id}", db => db.GetCollection("items").Insert(new BsonDocument { ["_id"] = id, ["Text"] = new string('x', 500) }));

    [Fact]
    public async Task EachCommitFlushesTheLogToDiskOnceHoweverManyPagesAndUnitsItHolds()
    {
        var (syncs, transactions) = (_db.Bot.LogSyncs, _db.Writer.Transactions);

        await Task.WhenAll(Enumerable.Range(1, 300).Select(i => Task.Run(() => _db.Writer.CommitAsync([Insert(i), Insert(10_000 + i)], default))));

        var commits = _db.Writer.Transactions - transactions;
        Assert.Equal(commits, _db.Bot.LogSyncs - syncs);
        Assert.Equal(600, _db.Database.GetCollection("items").Count());
    }

    [Fact]
    public async Task WhatACommitStoredIsInTheFilesBeforeItReturnsNotInABuffer()
    {
        await _db.Writer.CommitAsync([Insert(1), Insert(2)], default);

        // A copy taken while the bot runs is what a crash at this moment would leave behind.
        var copy = Path.Combine(Path.GetTempPath(), $"bot-copy-{Guid.NewGuid():N}.db");
        try
        {
            File.Copy(_db.Path, copy);
            File.Copy(LiteFile.LogPathOf(_db.Path), LiteFile.LogPathOf(copy));
            using var crashed = new LiteDatabase($"Filename={copy};Collation=/None");
            Assert.Equal(2, crashed.GetCollection("items").Count());
        }
        finally
        {
            foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileNameWithoutExtension(copy) + "*")) File.Delete(f);
        }
    }

    public void Dispose() => _db.Dispose();
}
