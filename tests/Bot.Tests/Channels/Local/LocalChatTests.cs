using Bot.Channels.Local;
using Microsoft.Extensions.Hosting;

namespace Bot.Tests.Channels.Local;

public class LocalChatTests
{
    [Fact]
    public async Task PipedLinesAreAnsweredInOrderAndTheServiceStopsAfterTheLast()
    {
        var output = new StringWriter();
        var console = new LocalConsole(new StringReader("/start\n/dot\n"), output);
        await using var bot = await TestBot.StartAsync(
            settings: new Dictionary<string, string?> { ["LocalChat:Enabled"] = "true" },
            services: s => s.AddSingleton(console));
        var lifetime = bot.Services.GetRequiredService<IHostApplicationLifetime>();
        await Task.Delay(Timeout.Infinite, lifetime.ApplicationStopping).ContinueWith(_ => { }).WaitAsync(TimeSpan.FromSeconds(20));

        var text = output.ToString();
        var greeting = text.IndexOf("Xin chào bạn", StringComparison.Ordinal);
        var phase = text.IndexOf("Hôm nay (24/11/2026)", StringComparison.Ordinal);
        Assert.True(greeting >= 0 && phase > greeting, text);
        Assert.Contains("1. Phong trào thi đua", text);
        Assert.DoesNotContain("<b>", text);
    }

    [Fact]
    public async Task AfterThePipedInputTheProcessExitsWithCodeZero()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await Bot.Hosting.BotHost.RunAsync(
            ["--Storage:Path=:memory:", "--LocalChat:Enabled=true", "--Urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"],
            errors,
            new Bot.Hosting.BotHostOverrides { Services = s => s.AddSingleton(new LocalConsole(new StringReader("/dot\n"), output)) });
        Assert.Equal(0, code);
        Assert.Contains("Hôm nay", output.ToString());
        Assert.Equal("", errors.ToString());
    }
}
