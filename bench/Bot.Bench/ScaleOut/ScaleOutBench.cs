using System.Diagnostics;
using System.Globalization;

namespace Bot.Bench.ScaleOut;

/// <summary>
/// scaleout [--members 300] [--think-ms 15000] [--no-figures]
/// The scale-out check, all on this machine: PostgreSQL (BOT_TEST_POSTGRES or a throwaway cluster), a fake Bot API
/// enforcing the flood limits, the real bot as separate processes in webhook mode behind a YARP load balancer.
/// First the figures (no flood limits, pacing lifted: what the bot itself does): turns/s and p99 for LiteDB with one
/// instance, PostgreSQL with one and with two. Then the crash run: two instances on PostgreSQL, members talking at a
/// human pace, an officer's broadcast to all of them, and while it runs the instance sending it is killed with SIGKILL
/// and started again. Checks: nothing acknowledged lost, nothing answered twice, each member's answers in order, the
/// broadcast reaching everyone with at most one repeat, no 429 from the fake.
/// </summary>
public static class ScaleOutBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var members = Int(args, "--members") ?? 300;
        var thinkMs = Int(args, "--think-ms") ?? 15_000;
        var folder = Path.Combine(Path.GetTempPath(), $"bench-scaleout-{Guid.NewGuid():N}"[..24]);
        Directory.CreateDirectory(folder);
        var watch = Stopwatch.StartNew();
        await using var postgres = await BenchPostgres.StartAsync();
        Console.WriteLine($"Scale-out check: {members} members, {MemberScript.Steps.Length} messages each ({string.Join(" · ", MemberScript.Steps)}); " +
                          $"PostgreSQL: {postgres.Description}; load balancer: YARP round robin, retrying on the other instance; logs in {folder}");
        var lite = new Dictionary<string, string> { ["Storage:Provider"] = "LiteDb", ["Storage:Path"] = Path.Combine(folder, "bot.db") };
        async Task<Dictionary<string, string>> Pg() => new() { ["Storage:Provider"] = "PostgreSql", ["Storage:ConnectionString"] = await postgres.CreateDatabaseAsync() };

        MemberScript? script = null;
        var reports = new List<RunReport>();
        if (!args.Contains("--no-figures"))
        {
            Console.WriteLine("Figures (fake without flood limits, pacing lifted; each member sends its next message when answered):");
            foreach (var (label, instances, storage) in new[] { ("LiteDB, 1 instance", 1, lite), ("PostgreSQL, 1 instance", 1, await Pg()), ("PostgreSQL, 2 instances", 2, await Pg()) })
            {
                await using var api = new RecordingBotApi(limits: false);
                await api.StartAsync();
                await using var cluster = await BotCluster.StartAsync(label.Replace(", ", "-", StringComparison.Ordinal).Replace(' ', '-'), instances, storage, api, null, folder);
                await OpenRegistrationAsync(cluster.Traffic);
                script ??= await MemberScript.CalibrateAsync(cluster.Traffic, api, 799_999);
                await Task.WhenAll(Enumerable.Range(0, members).Select(m => MemberAsync(cluster.Traffic, script, m, 0, TimeSpan.FromSeconds(30))));
                var report = RunReport.Of(label, cluster.Traffic, api, script, members);
                reports.Add(report);
                Console.WriteLine(report);
                if (!report.Clean) Console.WriteLine(RunReport.Example(cluster.Traffic, api, script, members));
            }
        }
        var crash = await CrashRun.RunAsync(await Pg(), members, thinkMs, folder, script);
        Console.WriteLine($"Done in {watch.Elapsed.TotalSeconds:0} s.");
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a log still open: left in /tmp
        }
        return crash && reports.All(r => r.Clean) ? 0 : 1;
    }

    /// <summary>Every shipped plan has ended: the officer opens registration so the form runs.</summary>
    public static async Task OpenRegistrationAsync(Traffic traffic)
    {
        await traffic.SendAsync(Traffic.OfficerChat, "/mopdangky");
        if (!await traffic.WaitForAsync(Traffic.OfficerChat, t => t.Contains("/dangky", StringComparison.Ordinal), TimeSpan.FromSeconds(30)))
            throw new InvalidOperationException("The officer's /mopdangky got no answer.");
    }

    /// <summary>One member's messages, each after the previous was answered (or <paramref name="patience"/> passed) and a think time.</summary>
    public static async Task MemberAsync(Traffic traffic, MemberScript script, int member, int thinkMs, TimeSpan patience, Action<int, int>? afterStep = null)
    {
        var chat = long.Parse(Traffic.ChatOf(member), CultureInfo.InvariantCulture);
        var random = new Random(member);
        if (thinkMs > 0) await Task.Delay(random.Next(thinkMs));
        for (var step = 0; step < script.Count; step++)
        {
            if (step > 0 && thinkMs > 0) await Task.Delay(thinkMs / 2 + random.Next(thinkMs));
            if (!await traffic.SendAsync(chat, MemberScript.Steps[step], step)) continue;
            var expected = step;
            await traffic.WaitForAsync(chat, t => script.StepOf(t) == expected, patience);
            afterStep?.Invoke(member, step);
        }
    }

    private static string? Value(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static int? Int(string[] args, string name) => Value(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null;
}
