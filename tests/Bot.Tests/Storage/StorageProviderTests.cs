using Bot.Broadcasts.Outbox;
using Bot.Builder.Pipeline;
using Bot.Builder.State;
using Bot.Pledges;
using Bot.Storage;

namespace Bot.Tests.Storage;

/// <summary>LiteDB is what a newcomer gets: without Storage:Provider nothing PostgreSQL is used.</summary>
public sealed class StorageProviderTests
{
    [Fact]
    public async Task WithoutAProviderSettingEveryStoreIsLiteDbAndOneProcessSendsBroadcasts()
    {
        await using var bot = await TestBot.StartAsync();

        Assert.IsType<StorageWriter>(bot.Services.GetRequiredService<IUnitOfWorkCommitter>());
        Assert.IsType<LiteDbPledgeStore>(bot.Services.GetRequiredService<IPledgeStore>());
        Assert.IsType<LiteDbStateStore>(bot.Services.GetRequiredService<IStateStore>());
        Assert.IsType<NoTurnGate>(bot.Services.GetRequiredService<ITurnGate>());
        Assert.False(bot.Services.GetRequiredService<IBroadcastSenderLease>().Shared);
    }

    [Fact]
    public async Task AnUnknownProviderStopsTheStartWithOneSentence()
    {
        var errors = new StringWriter();
        var code = await Bot.Hosting.BotHost.RunAsync(["--Storage:Provider=Mongo", "--Storage:Path=:memory:", "--LocalChat:Enabled=false"], errors);
        Assert.Equal(2, code);
        Assert.Contains("Storage:Provider", errors.ToString());
        Assert.Single(errors.ToString().Trim().Split('\n'));
    }
}
