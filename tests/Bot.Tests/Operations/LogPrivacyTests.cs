using Bot.Hosting;
using Bot.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Operations;

/// <summary>Every log line of a full Telegram run, failures included: no token anywhere, no member's words or name at Information.</summary>
public sealed class LogPrivacyTests
{
    private static readonly FakeUser Hoa = new(1077, "Quỳnh Hoa");
    private const string Question = "hội thảo kỳ lân tím XQZ ở đâu vậy";
    private const string Registration = "/dangky Phạm Quỳnh Hoa, tổ phó tổ Hàn, LĐTT";

    [Fact]
    public async Task AFullRunWithFailuresLogsNoTokenAndNothingTheMemberTypedOrIsCalled()
    {
        await using var host = await TelegramTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Logging:Format"] = "json" });
        var chat = host.Api.PrivateChat(Hoa);
        async Task SayAsync(string text)
        {
            var before = host.Api.BotMessagesIn(chat).Count;
            host.Api.Say(Hoa, chat, text);
            await host.Api.NextBotMessageAsync(chat, before);
        }

        await SayAsync("/start");
        await SayAsync(Question);
        await SayAsync(Registration);
        // A send that fails and a poll that fails: their warnings carry Telegram's answers and URLs.
        host.Api.Fail("sendMessage", 500, "Internal Server Error", chat: chat);
        host.Api.Fail("getUpdates", 502, "Bad Gateway");
        var answered = host.Api.BotMessagesIn(chat).Count;
        host.Api.Say(Hoa, chat, "/dot");
        await host.AdvanceUntilAsync(() => host.Logs.Lines.Any(l => l.Text.Contains("Bad Gateway", StringComparison.Ordinal)), TimeSpan.FromSeconds(1), "the failed poll logged");
        // The reply whose send failed goes out on a later try; waiting for it also lets the host stop at once
        // (a turn still retrying on the stopped fake clock held the shutdown for its 30 s timeout).
        await host.AdvanceUntilAsync(() => host.Api.BotMessagesIn(chat).Count > answered, TimeSpan.FromSeconds(1), "the /dot answer sent on a later try");

        var lines = host.Logs.Lines;
        Assert.NotEmpty(lines);
        var secret = FakeTelegramApi.Token[(FakeTelegramApi.Token.IndexOf(':') + 1)..];
        Assert.DoesNotContain(lines, l => l.Text.Contains(secret, StringComparison.Ordinal));
        var information = lines.Where(l => l.Level <= LogLevel.Information).Select(l => l.Text).ToList();
        Assert.DoesNotContain(information, t => t.Contains("XQZ", StringComparison.Ordinal) || t.Contains("kỳ lân", StringComparison.Ordinal));
        Assert.DoesNotContain(information, t => t.Contains("Quỳnh Hoa", StringComparison.Ordinal) || t.Contains("tổ Hàn", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TheJsonFormatIsChosenBySetting()
    {
        await using var bot = await TestBot.StartAsync(new Dictionary<string, string?> { ["Logging:Format"] = "json" });
        Assert.Equal(ConsoleFormatterNames.Json, bot.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        Assert.Equal(LogLevel.Trace, bot.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.LogToStandardErrorThreshold);
    }

    [Fact]
    public async Task AnUnknownFormatStopsTheStartWithOneSentence()
    {
        var errors = new StringWriter();
        var code = await BotHost.RunAsync(["--Logging:Format=xml", "--Storage:Path=:memory:", "--LocalChat:Enabled=false"], errors);
        Assert.Equal(2, code);
        Assert.Equal("The setting Logging:Format (environment variable Logging__Format) must be simple or json.", errors.ToString().Trim());
    }
}
