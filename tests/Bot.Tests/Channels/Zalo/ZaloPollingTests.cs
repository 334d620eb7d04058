using Bot.Channels.Zalo;
using Bot.Tests.Channels.Zalo.Fakes;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Channels.Zalo;

public class ZaloPollingTests
{
    [Fact]
    public async Task AMessageFromGetUpdatesIsAnsweredInItsChatWithNumberedChoices()
    {
        await using var zalo = await ZaloBot.StartAsync();
        var replies = await zalo.SayAsync("/start", name: "Trần Thị Lan");
        var reply = Assert.Single(replies);
        Assert.Contains("Xin chào Trần Thị Lan", reply);
        Assert.Contains("\n1. Phong trào thi đua", reply);
        Assert.DoesNotContain("<b>", reply);
    }
}
