using Bot.Builder.Pipeline;
using Bot.Builder.State;
using Bot.Pledges;
using Bot.Storage.PostgreSql;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Bot.Tests.Storage.PostgreSql;

/// <summary>A unit of work is one PostgreSQL transaction: all of it or none, and the keys hold across instances.</summary>
public sealed class PgCommitterTests : IAsyncLifetime
{
    private PgTestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await PgTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task AUnitWithARefusedWriteStoresNoneOfItsWrites()
    {
        if (_db.Off) return;
        var state = new PgStateStore(_db.Database, _db.Committer, TimeProvider.System);
        await state.WriteAsync("chat/1", "{}", 0);

        UnitOfWork.Begin(_db.Committer);
        try
        {
            await state.WriteAsync("chat/2", """{"new":true}""", 0);
            await state.WriteAsync("chat/1", """{"stale":true}""", 0); // already at version 1
            await Assert.ThrowsAsync<StateConflictException>(() => UnitOfWork.Current!.CommitAsync());
        }
        finally
        {
            UnitOfWork.End();
        }

        Assert.Null(await state.ReadAsync("chat/2"));
        Assert.Equal("{}", (await state.ReadAsync("chat/1"))!.Json);
    }

    [Fact]
    public async Task InATurnTheMarkIsStoredOnlyWhenTheTurnCommits()
    {
        if (_db.Off) return;
        var marks = new PgDeduplicator(_db.Database, _db.Committer, TimeProvider.System);
        UnitOfWork.Begin(_db.Committer);
        try
        {
            await marks.MarkAsync("telegram:1:10");
            Assert.False(await marks.WasProcessedAsync("telegram:1:10"));
            await UnitOfWork.Current!.CommitAsync();
            Assert.True(await marks.WasProcessedAsync("telegram:1:10"));
        }
        finally
        {
            UnitOfWork.End();
        }
    }

    [Fact]
    public async Task TheSameMessageTurnedOnTwoInstancesIsStoredOnceAndTheSecondTurnKeepsNothing()
    {
        if (_db.Off) return;
        // Two processes: their own data source, committer and stores over one database.
        await using var otherSource = NpgsqlDataSource.Create(_db.ConnectionString);
        var other = new PgCommitter(otherSource, NullLogger<PgCommitter>.Instance);
        var (first, second) = (Turn(_db.Database, _db.Committer), Turn(new PgDatabase(otherSource), other));

        await first("telegram:1:10", "first");
        await Assert.ThrowsAsync<ActivityAlreadyProcessedException>(() => second("telegram:1:10", "second"));

        var pledges = await new PgPledgeStore(_db.Database, _db.Committer).AllAsync();
        Assert.Equal("first", Assert.Single(pledges).FullName);
        Assert.Equal("first", (await new PgStateStore(_db.Database, _db.Committer, TimeProvider.System).ReadAsync("telegram/user/1"))!.Json);
    }

    /// <summary>What a turn of one instance writes: the mark, the member's state, a pledge (committed at once, as the form does).</summary>
    private static Func<string, string, Task> Turn(PgDatabase db, PgCommitter committer) => async (key, who) =>
    {
        UnitOfWork.Begin(committer);
        try
        {
            await new PgDeduplicator(db, committer, TimeProvider.System).MarkAsync(key);
            await new PgStateStore(db, committer, TimeProvider.System).WriteAsync("telegram/user/1", who, 0);
            await UnitOfWork.Current!.CommitAsync();
            await new PgPledgeStore(db, committer).InsertAsync(new Pledge { Channel = "telegram", UserId = who, PlanId = "p", FullName = who, CreatedAt = TestBot.DefaultNow, UpdatedAt = TestBot.DefaultNow });
        }
        finally
        {
            UnitOfWork.End();
        }
    };
}
