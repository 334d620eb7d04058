using System.Collections.Concurrent;
using Bot.Builder.Activities;
using Bot.Builder.Pipeline;
using Bot.Channels.Telegram;
using Bot.Hosting;
using Bot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Bench.Turns;

/// <summary>
/// The bot's real host with its real Telegram channel in webhook mode, state in a LiteDB file with the product's
/// settings, Telegram.Bot answered by <see cref="InProcessBotApi"/>. An update is posted to the webhook endpoint
/// in-process (no sockets) and timed until its turn ends (<see cref="ITurnObserver"/>).
/// </summary>
public sealed class TurnsHost : IAsyncDisposable, ITurnObserver
{
    public const int OfficerUser = -1;
    private const string Secret = "bench-webhook-secret";
    private readonly ConcurrentDictionary<string, (long Posted, TaskCompletionSource<TimeSpan> Done)> _waiting = new();
    private WebApplication _app = null!;
    private TelegramWebhookEndpoint _endpoint = null!;
    private long _updateIds;

    public InProcessBotApi Api { get; } = new();
    public StorageWriter Writer => _app.Services.GetRequiredService<StorageWriter>();
    public BotDatabase Database => _app.Services.GetRequiredService<BotDatabase>();

    /// <summary>Completes when the FAQ index, built in the background after the start, is ready.</summary>
    public Task FaqReady => _app.Services.GetRequiredService<Bot.Faq.FaqLibrary>().Ready;

    public async Task<int> PledgesAsync() => (await _app.Services.GetRequiredService<Bot.Pledges.IPledgeStore>().AllAsync()).Count;
    public string DbPath { get; private set; } = "";

    public static async Task<TurnsHost> StartAsync(string folder, Action<string>? mark = null)
    {
        var host = new TurnsHost { DbPath = Path.Combine(folder, "bot.db") };
        host._app = BotHost.Build([], new BotHostOverrides
        {
            Configuration = c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Path"] = host.DbPath,
                ["LocalChat:Enabled"] = "false",
                ["Urls"] = "http://127.0.0.1:0",
                ["Officers:Users:0"] = $"telegram:{100000 + OfficerUser}",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Telegram:BotToken"] = "4242:BENCH_fake_token_not_a_secret",
                ["Telegram:Mode"] = "Webhook",
                ["Telegram:WebhookUrl"] = "https://bot.example.test/telegram/webhook",
                ["Telegram:WebhookSecret"] = Secret,
            }),
            Services = s =>
            {
                s.AddKeyedSingleton("telegram", (_, _) => new HttpClient(host.Api));
                s.AddSingleton<ITurnObserver>(host);
                // The peer sends without pacing; Telegram's 25/s send budget (SendPacer) would make this a benchmark of
                // the budget, not of the turn. The product keeps it: a real bot cannot send faster than Telegram allows.
                s.Replace(ServiceDescriptor.Singleton<ISendPacer, ImmediatePacer>());
            },
        });
        mark?.Invoke("built");
        // As the bot's RunAsync does: the database opened beside the FAQ files being read, before the host starts.
        await BotHost.OpenAsync(host._app.Services);
        mark?.Invoke("opened");
        await host._app.StartAsync();
        mark?.Invoke("started");
        host._endpoint = host._app.Services.GetRequiredService<TelegramWebhookEndpoint>();
        return host;
    }

    /// <summary>Posts the update as Telegram's webhook call would and completes with its turn's time (post to turn end).</summary>
    public async Task<TimeSpan> SendAsync(int user, string text)
    {
        var updateId = Interlocked.Increment(ref _updateIds);
        var done = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var posted = TimeProvider.System.GetTimestamp();
        _waiting[updateId.ToString(System.Globalization.CultureInfo.InvariantCulture)] = (posted, done);
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/";
        context.Request.Headers[TelegramWebhookEndpoint.SecretHeader] = Secret;
        context.Request.Body = new MemoryStream(InProcessBotApi.Update(updateId, user, text));
        await _endpoint.HandleAsync(context);
        if (context.Response.StatusCode != StatusCodes.Status200OK)
            throw new InvalidOperationException($"The webhook answered {context.Response.StatusCode} to update {updateId}.");
        return await done.Task;
    }

    void ITurnObserver.TurnEnded(Activity activity, TimeSpan elapsed, bool failed)
    {
        if (activity.MessageId is { } id && _waiting.TryRemove(id, out var w))
        {
            if (failed) w.Done.TrySetException(new InvalidOperationException($"The turn of update {id} failed."));
            else w.Done.TrySetResult(TimeProvider.System.GetElapsedTime(w.Posted));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
