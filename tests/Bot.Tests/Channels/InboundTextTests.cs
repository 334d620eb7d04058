using System.Text.Json;
using Bot.Channels;
using Bot.Channels.Local;
using Bot.Channels.Telegram;
using Bot.Channels.Zalo;
using Bot.Channels.Zalo.Api;
using Bot.Tests.Channels.Zalo.Fakes;
using Bot.Tests.Fakes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot.Types;

namespace Bot.Tests.Channels;

/// <summary>Inbound text is bounded where it comes in (cut at the platform's own limit), before any work.</summary>
public class InboundTextTests
{
    private static readonly string Huge = "/hoi " + new string('a', 1_000_000);

    [Fact]
    public void LongTextIsCutAtTheLimitWithoutSplittingAnEmoji()
    {
        Assert.Equal("abc", InboundText.Bound("abc", 3));
        Assert.Equal("ab", InboundText.Bound("abcd", 2));
        Assert.Equal("a", InboundText.Bound("a😀b", 2)); // the emoji's two halves stay together
        Assert.Null(InboundText.Bound(null, 2));
        Assert.Equal("a\uFFFDb\uFFFD", InboundText.Bound("a\uD800b\uDC00", 10)); // lone halves cannot be stored as UTF-8
        Assert.Equal("😀", InboundText.Bound("😀", 10));
    }

    [Fact]
    public async Task TelegramTextAndButtonDataAreBoundedInTheTranslator()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var translator = host.Services.GetRequiredService<TelegramUpdateTranslator>();
        var from = new User { Id = 42, FirstName = "An" };
        var chat = new Chat { Id = 42, Type = global::Telegram.Bot.Types.Enums.ChatType.Private };

        var message = translator.Translate(new Update { Id = 1, Message = new Message { Id = 1, From = from, Chat = chat, Text = Huge, Date = DateTime.UtcNow } })!;
        Assert.Equal(InboundText.Telegram, message.Text!.Length);

        var press = translator.Translate(new Update
        {
            Id = 2,
            CallbackQuery = new CallbackQuery { Id = "q", From = from, Data = Huge, Message = new Message { Id = 2, Chat = chat, Date = DateTime.UtcNow } },
        })!;
        Assert.Equal(InboundText.ButtonData, press.ButtonData!.Length);
    }

    [Fact]
    public void ZaloTextIsBoundedInTheMapper()
    {
        using var doc = JsonDocument.Parse(ZaloFixtures.Text(Huge).ToJsonString());
        var identity = new ZaloBotIdentity(Options.Create(new ZaloOptions { BotName = FakeZaloApi.BotDisplayName }));
        var activity = new ZaloActivityMapper(identity, new FakeTimeProvider()).ToActivity(Assert.Single(ZaloUpdateParser.Parse(doc.RootElement)))!;
        Assert.Equal(InboundText.Zalo, activity.Text!.Length);
    }

    [Fact]
    public async Task ALongLocalLineIsCutAndStillAnswered()
    {
        var output = new StringWriter();
        var console = new LocalConsole(new StringReader(new string('x', 200_000) + "\n"), output);
        await using var bot = await TestBot.StartAsync(
            settings: new Dictionary<string, string?> { ["LocalChat:Enabled"] = "true" },
            services: s => s.AddSingleton(console));
        var lifetime = bot.Services.GetRequiredService<IHostApplicationLifetime>();
        await Task.Delay(Timeout.Infinite, lifetime.ApplicationStopping).ContinueWith(_ => { }).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.NotEmpty(output.ToString().Trim());
        Assert.DoesNotContain(new string('x', InboundText.Local + 1), output.ToString());
    }
}
