using Bot.Broadcasts;
using Bot.Broadcasts.Pacing;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Broadcasts;

public class BroadcastOptionsTests
{
    [Fact]
    public async Task OverridingOneLimitKeepsTheOtherDefaults()
    {
        await using var bot = await TestBot.StartAsync(new Dictionary<string, string?>
        {
            ["Broadcasts:Channels:telegram:MessagesPerSecond"] = "10",
            ["Broadcasts:Channels:viber:GroupPerMinute"] = "5",
        });
        var options = bot.Services.GetRequiredService<IOptions<BroadcastOptions>>().Value;
        Assert.Equal(10, options.Channels["telegram"].MessagesPerSecond);
        Assert.Equal(20, options.Channels["TELEGRAM"].GroupPerMinute);
        Assert.Equal(5, options.Channels["zalo"].MessagesPerSecond);
        Assert.Equal(5, options.Channels["viber"].GroupPerMinute);
        Assert.Equal(25, options.Channels["viber"].MessagesPerSecond);
        var pacer = bot.Services.GetRequiredService<SendPacer>();
        Assert.Equal(10, pacer.RateOf("telegram"));
        Assert.Null(pacer.RateOf("test"));
        Assert.Same(pacer, bot.Services.GetRequiredService<ISendPacer>());
    }
}
