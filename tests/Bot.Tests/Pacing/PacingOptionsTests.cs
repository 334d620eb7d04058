using Bot.Pacing;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Pacing;

public class PacingOptionsTests
{
    [Fact]
    public async Task SettingsChangeOnlyTheLimitsTheyName()
    {
        await using var bot = await TestBot.StartAsync(new Dictionary<string, string?>
        {
            ["Pacing:Channels:viber:GroupPerMinute"] = "5",
        });
        var pacer = bot.Services.GetRequiredService<SendPacer>();
        Assert.Same(pacer, bot.Services.GetRequiredService<ISendPacer>());
        // A channel that declares nothing: listed in settings it starts from Telegram-like defaults; unlisted it is not paced.
        Assert.Equal(new SendLimits(25, 1, 5, 3), pacer.LimitsOf("viber"));
        Assert.Null(pacer.RateOf("test"));
        Assert.Equal(new SendLimits(10, 1, 20, 3), new ChannelLimits { MessagesPerSecond = 10 }.Over(new SendLimits(25)));
    }

    [Fact]
    public async Task ARealChannelIsPacedToWhatItDeclaresWithSettingsOnTop()
    {
        await using var zalo = await Channels.Zalo.Fakes.ZaloBot.StartAsync(settings: new Dictionary<string, string?> { ["Pacing:Channels:zalo:PrivateChatPerSecond"] = "2" });
        var pacer = zalo.Bot.Services.GetRequiredService<SendPacer>();
        // The Zalo test host sets MessagesPerSecond to 1000; the per-group limit is what the connector declares.
        Assert.Equal(new SendLimits(1000, 2, 20, 3), pacer.LimitsOf("zalo"));
    }

    [Theory]
    [InlineData("MessagesPerSecond", "0")]
    [InlineData("PrivateChatPerSecond", "101")]
    [InlineData("GroupPerMinute", "0")]
    [InlineData("ChatBurst", "0")]
    public void AnImpossibleLimitIsRefusedWithItsSettingName(string setting, string value)
    {
        var options = new PacingOptions();
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [$"Channels:telegram:{setting}"] = value }).Build().Bind(options);
        var result = new PacingOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains($"Pacing:Channels:telegram:{setting} must be", result.FailureMessage);
    }
}
