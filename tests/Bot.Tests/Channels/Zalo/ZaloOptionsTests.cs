using Bot.Channels.Zalo;
using Bot.Hosting;
using Bot.Tests.Channels.Zalo.Fakes;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Channels.Zalo;

public class ZaloOptionsTests
{
    private const string Secret = "do-not-print-me";

    public static TheoryData<string, string?, string> BadSettings => new()
    {
        { "Zalo:BotToken", "just-a-secret-" + Secret, "Zalo:BotToken must look like" },
        { "Zalo:BotToken", "123:has/slash" + Secret, "Zalo:BotToken must look like" },
        { "Zalo:ApiBaseUrl", "not a url", "Zalo:ApiBaseUrl" },
        { "Zalo:PollTimeoutSeconds", "120", "Zalo:PollTimeoutSeconds" },
        { "Zalo:WebhookAnswerWithinMilliseconds", "-1", "Zalo:WebhookAnswerWithinMilliseconds must be between 0" },
        { "Zalo:WebhookAnswerWithinMilliseconds", "1001", "Zalo:WebhookAnswerWithinMilliseconds must be between 0" },
        { "Zalo:WebhookUrl", "http://bot.example.org/zalo/webhook", "Zalo:WebhookUrl must be an absolute https address" },
        { "Zalo:WebhookUrl", "/zalo/webhook", "Zalo:WebhookUrl must be an absolute https address" },
        { "Zalo:WebhookSecret", "1234567", "Zalo:WebhookSecret must be 8 to 256 characters" },
        { "Zalo:WebhookSecret", new string('x', 257), "Zalo:WebhookSecret must be 8 to 256 characters" },
        { "Zalo:WebhookSecret", null, "Zalo:WebhookSecret must be 8 to 256 characters" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task ABadSettingStopsTheStartWithItsNameAndNeverTheToken(string key, string? value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Zalo:BotToken"] = "1234567890:" + Secret,
            ["Zalo:Mode"] = "Webhook",
            ["Zalo:WebhookUrl"] = "https://bot.example.org/zalo/webhook",
            ["Zalo:WebhookSecret"] = "a-good-webhook-secret",
            [key] = value,
        };
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => TestBot.StartAsync(settings: settings));
        Assert.Contains(message, ex.Message);
        Assert.DoesNotContain(Secret, ex.Message);
    }

    [Fact]
    public async Task WebhookSettingsAreNotNeededForPolling()
    {
        await using var zalo = await ZaloBot.StartAsync(settings: new Dictionary<string, string?> { ["Zalo:WebhookSecret"] = "short" });
        Assert.Single(await zalo.SayAsync("/dot"));
    }

    [Fact]
    public void AnUnknownModeStopsTheStartWithAMessage()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => BotHost.Build([], new BotHostOverrides
        {
            Configuration = c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["Zalo:BotToken"] = "1:x", ["Zalo:Mode"] = "Webhok" }),
        }));
        Assert.Equal("Zalo:Mode must be Polling or Webhook, not 'Webhok'.", ex.Message);
        Assert.Equal("Bot", ex.Source);
    }

    [Fact]
    public async Task WithoutATokenZaloIsOff()
    {
        await using var bot = await TestBot.StartAsync();
        Assert.DoesNotContain(bot.Services.GetServices<IChannelConnector>(), c => c.Channel == "zalo");
        Assert.Null(bot.Services.GetService<ZaloInbox>());
    }

    [Fact]
    public async Task WithATokenZaloRunsBesideTheOtherChannelsAndTheLocalChatIsOff()
    {
        await using var zalo = await ZaloBot.StartAsync(settings: new Dictionary<string, string?> { ["LocalChat:Enabled"] = null });
        var channels = zalo.Bot.Services.GetServices<IChannelConnector>().Select(c => c.Channel).ToList();
        Assert.Contains("zalo", channels);
        Assert.Contains("test", channels);
        Assert.DoesNotContain("local", channels);
        var caps = zalo.Bot.Services.GetRequiredService<ZaloConnector>().Capabilities;
        Assert.Equal((false, false, false, false, 2000), (caps.Buttons, caps.EditMessages, caps.Files, caps.Html, caps.MaxTextLength));
    }
}
