using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Bot.Bench.Turns;

/// <summary>
/// Turn throughput under the peers' definition (../shared/peers/README.md): raw Update JSON from many users → the
/// real host and Telegram channel → the handler → its replies through Telegram.Bot, answered in-process. Prints one
/// RESULT line per scenario (and the peer's, with ratios, when run with --peers).
/// </summary>
public static class TurnsBench
{
    /// <summary>The pledge form as a member walks it: /dangky, name, position, unit, movements, title, award, commitment, confirm.</summary>
    private static readonly string[] FormSteps = ["/dangky", "Nguyễn Văn {0}", "Công nhân", "Tổ sản xuất {1}", "1", "1", "1", "có", "1"];

    /// <summary>A name of letters only (the form refuses digits in names): the user number spelt in given names.</summary>
    private static readonly string[] GivenNames = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nam"];

    private static string NameOf(int user) =>
        string.Join(' ', user.ToString(CultureInfo.InvariantCulture).Take(4).Select(d => GivenNames[d - '0']));

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--startup-child")) return await StartupProbe.ChildAsync();
        var o = TurnsOptions.Parse(args);
        if (o.Startup)
        {
            await StartupProbe.RunAsync(Math.Max(3, o.Rounds));
            if (o.Scenarios.Count == 0) return 0;
        }
        if (o.Scenarios.Count == 0) o.Scenarios.AddRange([("command", 1), ("lookup", 1), ("form", 1), ("form", 64)]);
        var peer = o.Peers ? await GrammyPeer.PrepareAsync() : null;
        var results = new List<(string Scenario, int Conc, TurnResult Bot, TurnResult? Peer)>();
        foreach (var (scenario, conc) in o.Scenarios)
        {
            var ours = new List<TurnResult>();
            var theirs = new List<TurnResult>();
            for (var round = 0; round < o.Rounds; round++)
            {
                ours.Add(await RunOneAsync(scenario, conc, o));
                Console.WriteLine(ours[^1].Line("bot", scenario, conc));
                if (peer is not null)
                {
                    theirs.Add(await peer.RunAsync(scenario, conc, o));
                    Console.WriteLine(theirs[^1].Line("grammy", scenario, conc));
                }
            }
            results.Add((scenario, conc, TurnResult.Median(ours), theirs.Count > 0 ? TurnResult.Median(theirs) : null));
        }
        Console.WriteLine();
        Console.WriteLine($"| scenario | in flight | bot updates/s | p50 / p99 µs | CPU µs/update | RSS MB | commits/s, units per commit |{(peer is null ? "" : " grammY updates/s | bot / grammY |")}");
        Console.WriteLine($"|---|---|---|---|---|---|---|{(peer is null ? "" : "---|---|")}");
        foreach (var (scenario, conc, bot, other) in results)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {scenario} | {conc} | {bot.Ups:F0} | {bot.P50Us:F0} / {bot.P99Us:F0} | {bot.CpuUs:F0} | {bot.RssMb:F0} | {bot.CommitsPerSecond:F0}, {bot.UnitsPerCommit:F1} |")
                + (other is null ? "" : string.Create(CultureInfo.InvariantCulture, $" {other.Ups:F0} | {bot.Ups / other.Ups:F2}× |")));
        return 0;
    }

    private static async Task<TurnResult> RunOneAsync(string scenario, int conc, TurnsOptions o)
    {
        var folder = Directory.CreateTempSubdirectory("bot-bench-turns-").FullName;
        try
        {
            await using var host = await TurnsHost.StartAsync(folder);
            Func<int, (int User, string Text)> make;
            int warm, n;
            switch (scenario)
            {
                case "command":
                    make = i => (i % o.Users, "/start");
                    (warm, n) = (o.Warm, o.N);
                    break;
                case "lookup":
                    var asks = PeerQuestions();
                    make = i => (i % o.Users, asks[i % asks.Length]);
                    (warm, n) = (o.Warm, o.N);
                    break;
                case "form":
                    // Every user of a wave is mid-form at once, as in the peer; each wave has new users, so each form is a first registration.
                    await host.SendAsync(TurnsHost.OfficerUser, "/mopdangky");
                    var cycle = FormSteps.Length * o.Users;
                    make = i =>
                    {
                        var user = i / cycle * o.Users + i % o.Users;
                        var step = i % cycle / o.Users;
                        return (user, string.Format(CultureInfo.InvariantCulture, FormSteps[step], NameOf(user), user % 30 + 1));
                    };
                    (warm, n) = (cycle, Math.Max(1, (int)Math.Round((double)o.N / cycle)) * cycle);
                    break;
                default:
                    throw new ArgumentException($"unknown scenario {scenario} (command, lookup, form)");
            }
            for (var k = 0; k < warm; k += conc) await BatchAsync(host, make, k, Math.Min(warm, k + conc), null);

            var latencies = new double[n];
            var sentBefore = host.Api.Sent;
            var (commits0, units0, syncs0, pledges0) = (host.Writer.Transactions, host.Writer.Units, host.Database.LogSyncs, await host.PledgesAsync());
            var (wakeups0, switches0) = (host.Writer.Wakeups, ContextSwitches());
            var process = Process.GetCurrentProcess();
            var cpu0 = process.TotalProcessorTime;
            var (allocated0, gen0, gen2) = (GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(2));
            var t0 = Stopwatch.GetTimestamp();
            for (var k = 0; k < n; k += conc) await BatchAsync(host, i => make(warm + i), k, Math.Min(n, k + conc), latencies);
            var seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpu0;
            var (commits, units, syncs, pledges) = (host.Writer.Transactions - commits0, host.Writer.Units - units0, host.Database.LogSyncs - syncs0, await host.PledgesAsync() - pledges0);
            var (wakeups, switches) = (host.Writer.Wakeups - wakeups0, ContextSwitches() - switches0);
            Array.Sort(latencies);
            var replies = host.Api.Sent - sentBefore;
            if (replies < n) throw new InvalidOperationException($"{scenario}: {replies} replies for {n} updates.");
            return new TurnResult(n, n / seconds, Percentile(latencies, 0.5), Percentile(latencies, 0.99), cpu.TotalMicroseconds / n,
                process.WorkingSet64 / 1048576.0, commits / seconds, commits == 0 ? 0 : (double)units / commits,
                string.Create(CultureInfo.InvariantCulture, $"replies={replies} fsyncs_per_s={syncs / seconds:F0} pledges_stored={pledges} alloc_kb={(GC.GetTotalAllocatedBytes() - allocated0) / 1024.0 / n:F0} gen0={GC.CollectionCount(0) - gen0} gen2={GC.CollectionCount(2) - gen2} writer_wakeups={(double)wakeups / n:F2} ctx_switches={(double)switches / n:F1}"));
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Updates <paramref name="from"/>..<paramref name="to"/> in flight at once (distinct users, as the peer's CONC).</summary>
    private static async Task BatchAsync(TurnsHost host, Func<int, (int User, string Text)> make, int from, int to, double[]? latencies)
    {
        var batch = new Task<TimeSpan>[to - from];
        for (var j = from; j < to; j++)
        {
            var (user, text) = make(j);
            batch[j - from] = host.SendAsync(user, text);
        }
        var done = await Task.WhenAll(batch);
        if (latencies is not null)
            for (var j = from; j < to; j++) latencies[j] = done[j - from].TotalMicroseconds;
    }

    /// <summary>
    /// Context switches of all the process's threads so far (Linux; 0 elsewhere): each is a thread that went to sleep
    /// or was pushed off its core, so per update they count the hand-overs between threads that cost a wake-up.
    /// </summary>
    private static long ContextSwitches()
    {
        if (!Directory.Exists("/proc/self/task")) return 0;
        long sum = 0;
        foreach (var task in Directory.GetDirectories("/proc/self/task"))
        {
            try
            {
                foreach (var line in File.ReadLines(Path.Combine(task, "status")))
                    if (line.Contains("ctxt_switches:", StringComparison.Ordinal)) // voluntary_… and nonvoluntary_…
                        sum += long.Parse(line[(line.IndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The thread ended meanwhile.
            }
        }
        return sum;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>The peer's own member questions (../shared/peers/faq.json), asked of the real matcher.</summary>
    private static string[] PeerQuestions()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(GrammyPeer.FaqJson));
        return [.. doc.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("ask").GetString()!)];
    }
}
