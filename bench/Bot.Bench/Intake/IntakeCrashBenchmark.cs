using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Bench.Broadcast;
using Bot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Bench.Intake;

/// <summary>
/// Nothing acknowledged is lost: Telegram posts updates to the real bot's webhook (a child process); after
/// --kill-after acknowledged updates the child is killed with SIGKILL mid-stream and started again on the same
/// database file, and the updates that were not acknowledged are posted again, as Telegram does. Every acknowledged
/// update must be answered (0 lost) and none twice.
/// usage: intake [--updates 300] [--kill-after 150] [--parallel 8]
/// </summary>
public static class IntakeCrashBenchmark
{
    private const string Secret = "bench-webhook-secret";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--child")) return await ChildAsync(Value(args, "--api")!, Value(args, "--db")!, int.Parse(Value(args, "--port")!, CultureInfo.InvariantCulture), args.Contains("--no-reply-outbox"));
        var noOutbox = args.Contains("--no-reply-outbox");
        var updates = Int(args, "--updates") ?? 300;
        var killAfter = Int(args, "--kill-after") ?? updates / 2;
        var parallel = Int(args, "--parallel") ?? 8;
        var db = Path.Combine(Path.GetTempPath(), $"bench-intake-{Guid.NewGuid():N}.db");
        await using var api = new FakeBotApi(10_000, TimeSpan.Zero, new HashSet<string>());
        await api.StartAsync();
        var port = FreePort();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        Console.WriteLine($"Intake crash test: {updates} updates posted to the webhook ({parallel} at a time); SIGKILL after {killAfter} acknowledged, then a restart{(noOutbox ? "; replies not held (--no-reply-outbox)" : "")}");

        var acknowledged = new HashSet<int>();
        var watch = Stopwatch.StartNew();
        using (var first = Spawn(api.Url, db, port, noOutbox))
        {
            await WaitListeningAsync(http, port);
            using var killed = new CancellationTokenSource();
            await PostAllAsync(http, port, Enumerable.Range(1, updates).ToList(), parallel, acknowledged, () =>
            {
                lock (acknowledged)
                    if (acknowledged.Count >= killAfter && !killed.IsCancellationRequested)
                    {
                        first.Kill(); // SIGKILL: no shutdown, no flush beyond what was committed
                        killed.Cancel();
                    }
            }, killed.Token);
            await first.WaitForExitAsync();
        }
        var ackedBeforeKill = acknowledged.Count;
        Console.WriteLine($"  killed with {ackedBeforeKill} acknowledged, {api.Received.Count} answered");

        using var second = Spawn(api.Url, db, port, noOutbox);
        await WaitListeningAsync(http, port);
        // Telegram re-sends what got no 200.
        await PostAllAsync(http, port, [.. Enumerable.Range(1, updates).Where(i => !acknowledged.Contains(i))], parallel, acknowledged, () => { }, CancellationToken.None);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60) && acknowledged.Any(i => !api.Received.ContainsKey(ChatOf(i)))) await Task.Delay(50);
        second.Kill();
        await second.WaitForExitAsync();

        var lost = acknowledged.Count(i => !api.Received.ContainsKey(ChatOf(i)));
        var twice = acknowledged.Count(i => api.Received.GetValueOrDefault(ChatOf(i)) > 1);
        Console.WriteLine($"  acknowledged: {acknowledged.Count} of {updates}; answered: {acknowledged.Count - lost}; lost: {lost} (target 0); answered twice: {twice} (target 0); {watch.Elapsed.TotalSeconds:0.0} s");
        foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileNameWithoutExtension(db) + "*")) File.Delete(f);
        return lost == 0 && twice == 0 && acknowledged.Count == updates ? 0 : 1;
    }

    private static string ChatOf(int i) => (700_000 + i).ToString(CultureInfo.InvariantCulture);

    private static async Task PostAllAsync(HttpClient http, int port, List<int> ids, int parallel, HashSet<int> acknowledged, Action afterEach, CancellationToken stop)
    {
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, _) =>
        {
            if (stop.IsCancellationRequested) return;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/tg") { Content = new StringContent(Update(i), Encoding.UTF8, "application/json") };
                request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
                using var response = await http.SendAsync(request, CancellationToken.None);
                if (response.StatusCode == HttpStatusCode.OK)
                    lock (acknowledged) acknowledged.Add(i);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // the process is gone: not acknowledged, Telegram will send it again
            }
            afterEach();
        });
    }

    private static string Update(int i) => new JsonObject
    {
        ["update_id"] = 1000 + i,
        ["message"] = new JsonObject
        {
            ["message_id"] = i,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = "/dot",
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = 4 }),
            ["chat"] = new JsonObject { ["id"] = 700_000 + i, ["type"] = "private", ["first_name"] = $"Member {i}" },
            ["from"] = new JsonObject { ["id"] = 700_000 + i, ["is_bot"] = false, ["first_name"] = $"Member {i}" },
        },
    }.ToJsonString();

    /// <summary>The bot in webhook mode, as deployed, until it is killed.</summary>
    private static async Task<int> ChildAsync(string apiUrl, string db, int port, bool noOutbox)
    {
        await using var app = BotHost.Build([], new BotHostOverrides
        {
            Configuration = c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Path"] = db,
                ["LocalChat:Enabled"] = "false",
                ["Urls"] = $"http://127.0.0.1:{port}",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Telegram:BotToken"] = "4242:BENCH_fake_token_not_a_secret",
                ["Telegram:ApiBaseUrl"] = apiUrl,
                ["Telegram:Mode"] = "Webhook",
                ["Telegram:WebhookUrl"] = $"http://127.0.0.1:{port}/tg",
                ["Telegram:WebhookSecret"] = Secret,
            }),
            Services = s => { if (noOutbox) s.AddSingleton<Bot.Builder.Pipeline.IReplyOutbox, Bot.Builder.Pipeline.NoReplyOutbox>(); },
        });
        await app.RunAsync();
        return 0;
    }

    private static async Task WaitListeningAsync(HttpClient http, int port)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{port}/tg");
                return; // any answer (405) means the webhook is up
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("The bot's webhook did not come up.");
    }

    private static Process Spawn(string apiUrl, string db, int port, bool noOutbox)
    {
        var host = Environment.ProcessPath!;
        var info = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") info.ArgumentList.Add(typeof(IntakeCrashBenchmark).Assembly.Location);
        foreach (var a in (string[])["intake", "--child", "--api", apiUrl, "--db", db, "--port", port.ToString(CultureInfo.InvariantCulture)]) info.ArgumentList.Add(a);
        if (noOutbox) info.ArgumentList.Add("--no-reply-outbox");
        return Process.Start(info)!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Value(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static int? Int(string[] args, string name) => Value(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null;
}
