using Bot.Storage;

namespace Bot.Tests.Storage;

public class BotDatabaseTests
{
    [Fact]
    public async Task EveryCollectionAFeatureDeclaresExistsWhenTheHostHasStarted()
    {
        await using var bot = await TestBot.StartAsync();
        var db = bot.Services.GetRequiredService<BotDatabase>();
        var declared = bot.Services.GetServices<StoreCollection>().Select(c => c.Name).Distinct().ToList();
        Assert.Contains("pledges", declared);
        Assert.Contains("broadcast_outbox", declared);
        Assert.All(declared, name => Assert.True(db.Database.CollectionExists(name), $"{name} was not created at open"));
        Assert.Equal(declared.Order(), db.Collections.Order());
    }
}
