using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Fakes;

/// <summary>The real host (BotHost.Build, as Program.cs) pointed at a <see cref="FakeTelegramApi"/> by Telegram:ApiBaseUrl.</summary>
public sealed class TelegramTestHost : IAsyncDisposable
{
    public const string WebhookSecret = "s3cret_Webhook-token";
    public const long OfficerId = 900_001;

    private TelegramTestHost(FakeTelegramApi api, TestBot bot, LogCapture logs)
    {
        Api = api;
        Bot = bot;
        Logs = logs;
    }

    public FakeTelegramApi Api { get; }
    public TestBot Bot { get; }
    public LogCapture Logs { get; }
    public FakeTimeProvider Time => Bot.Time;
    public IServiceProvider Services => Bot.Services;

    public static async Task<TelegramTestHost> StartAsync(
        bool webhook = false,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        Action<FakeTelegramApi>? arrange = null)
    {
        var time = new FakeTimeProvider(TestBot.DefaultNow);
        var api = await FakeTelegramApi.StartAsync(time);
        arrange?.Invoke(api);
        var logs = new LogCapture();
        var config = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeTelegramApi.Token,
            ["Telegram:ApiBaseUrl"] = api.BaseUrl,
            ["Telegram:PollTimeoutSeconds"] = "30",
            ["Officers:Users:1"] = $"telegram:{OfficerId}",
            // Everything reaches the capture (to prove the token never appears); the console stays quiet.
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:Console:LogLevel:Default"] = "Warning",
        };
        if (webhook)
        {
            config["Telegram:Mode"] = "Webhook";
            config["Telegram:WebhookUrl"] = "http://bot.example.test/telegram/webhook";
            config["Telegram:WebhookSecret"] = WebhookSecret;
        }
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) config[k] = v;
        TestBot bot;
        try
        {
            bot = await TestBot.StartAsync(config, time, services: s =>
            {
                s.AddSingleton<ILoggerProvider>(logs);
                services?.Invoke(s);
            });
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
        api.Diagnostics = () => string.Join('\n', logs.Lines.Where(l => l.Level >= LogLevel.Warning).Select(l => $"{l.Level} {l.Category}: {l.Text}"));
        if (webhook)
        {
            var address = bot.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            api.WebhookTarget = new Uri(address);
        }
        return new TelegramTestHost(api, bot, logs);
    }

    /// <summary>Moves the fake clock on in small steps until <paramref name="done"/> (for waits the bot makes on its TimeProvider).</summary>
    public async Task AdvanceUntilAsync(Func<bool> done, TimeSpan step, string what, int maxSteps = 200)
    {
        for (var i = 0; i < maxSteps && !done(); i++)
        {
            Time.Advance(step);
            await Task.Delay(20);
        }
        if (!done()) throw new TimeoutException($"Timed out waiting for {what}.");
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Api.DisposeAsync();
    }
}

/// <summary>Keeps every log line (with its exception text) so tests can check what was said — and what was not.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Text)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Text)> Lines => [.. _lines];

    public string All => string.Join('\n', _lines.Select(l => $"{l.Level} {l.Category}: {l.Text}"));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : "\n" + exception)));
    }
}
