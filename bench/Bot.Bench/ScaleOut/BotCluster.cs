using System.Globalization;

namespace Bot.Bench.ScaleOut;

/// <summary>N bot instances on one store behind the load balancer, all talking to the one fake Bot API.</summary>
public sealed class BotCluster : IAsyncDisposable
{
    private readonly LoadBalancer _balancer;

    private BotCluster(LoadBalancer balancer, List<BotProcess> bots, Traffic traffic) => (_balancer, Bots, Traffic) = (balancer, bots, traffic);

    public IReadOnlyList<BotProcess> Bots { get; }
    public Traffic Traffic { get; }
    public int Retried => _balancer.Retried;
    public static HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <param name="rate">Each instance's Telegram send rate (Pacing); null lifts the pacing for a measurement of the bot itself.</param>
    public static async Task<BotCluster> StartAsync(string label, int instances, IReadOnlyDictionary<string, string> storage, RecordingBotApi api, double? rate, string logFolder)
    {
        var ports = Enumerable.Range(0, instances).Select(_ => BotProcess.FreePort()).ToList();
        var balancer = new LoadBalancer(ports);
        await balancer.StartAsync();
        var settings = new Dictionary<string, string>(storage)
        {
            ["LocalChat:Enabled"] = "false",
            ["Web:Enabled"] = "false",
            ["Backups:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Officers:Users:0"] = $"telegram:{Traffic.OfficerChat}",
            ["Telegram:BotToken"] = "4242:BENCH_fake_token_not_a_secret",
            ["Telegram:ApiBaseUrl"] = api.Url,
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookUrl"] = $"{balancer.Url}/tg",
            ["Telegram:WebhookSecret"] = Traffic.Secret,
            ["Pacing:Channels:telegram:MessagesPerSecond"] = (rate ?? 1000).ToString(CultureInfo.InvariantCulture),
        };
        if (rate is null)
        {
            settings["Pacing:Channels:telegram:PrivateChatPerSecond"] = "100";
            settings["Pacing:Channels:telegram:ChatBurst"] = "100";
        }
        var bots = ports.Select((p, i) => new BotProcess($"{label}-{i + 1}", p, settings, logFolder)).ToList();
        foreach (var bot in bots) await bot.StartAsync(Http);
        return new BotCluster(balancer, bots, new Traffic($"{balancer.Url}/tg", api));
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Bots.Select(b => b.StopAsync()));
        foreach (var bot in Bots) bot.Dispose();
        await _balancer.DisposeAsync();
    }
}
