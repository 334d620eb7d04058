using System.Diagnostics;
using System.Globalization;
using Bot.Broadcasts.Outbox;
using Bot.Builder.Activities;

namespace Bot.Bench.Broadcast;

/// <summary>
/// broadcast [--recipients 10000] [--rate 25] [--groups 0.2] [--api-limit 30] [--latency-ms 0] [--in-flight 1]
///           [--blocked 0] [--crash-after N]
/// Sends one announcement through the real host (outbox on a LiteDB file, pacer, delivery) to a fake Bot API
/// that enforces the flood limits, and prints the time against the theoretical minimum, the achieved rate, the
/// 429s, the duplicates and the memory. With --crash-after N the bot runs in a child process that is killed
/// (SIGKILL) after N messages, then restarted on the same file: it must finish with nobody skipped.
/// </summary>
public static class BroadcastBenchmark
{
    private const string Text = "Thông báo thử nghiệm: họp công đoàn lúc 14:00 thứ Sáu tại hội trường.";

    public static async Task<int> RunAsync(string[] args)
    {
        BenchSettings s;
        try
        {
            s = Parse(args);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine("usage: Bot.Bench broadcast [--recipients 10000] [--rate 25] [--groups 0.2] [--api-limit 30] [--latency-ms 0] [--in-flight 1] [--blocked 0] [--crash-after N]");
            return 2;
        }
        if (args.Contains("--child")) return await ChildAsync(s, Value(args, "--api")!);

        var blocked = BenchBot.Recipients(s).Where(r => r.Kind == ChatKind.Private).Take(s.Blocked).Select(r => r.ChatId).ToHashSet();
        await using var api = new FakeBotApi(s.EffectiveApiLimit, TimeSpan.FromMilliseconds(s.LatencyMs), blocked);
        await api.StartAsync();
        try
        {
            return s.CrashAfter is { } n ? await CrashTestAsync(s, api, n, args) : await MeasureAsync(s, api);
        }
        finally
        {
            foreach (var f in Directory.GetFiles(Path.GetDirectoryName(s.DbPath)!, Path.GetFileNameWithoutExtension(s.DbPath) + "*")) File.Delete(f);
        }
    }

    private static async Task<int> MeasureAsync(BenchSettings s, FakeBotApi api)
    {
        Console.WriteLine($"Broadcast benchmark: {s.Recipients:N0} recipients ({s.GroupShare:P0} groups), configured rate {s.Rate}/s, " +
                          $"in flight {s.InFlight}, fake API: {s.EffectiveApiLimit:0.#}/s overall, 1/s per chat (bursts of 3), 20/min per group, latency {s.LatencyMs} ms");
        await using var bot = await BenchBot.StartAsync(s, api.Url);
        var seeding = Stopwatch.StartNew();
        bot.Seed(s);
        seeding.Stop();
        var (record, prepare) = await bot.BroadcastAsync(Text);
        var sending = Stopwatch.StartNew();
        await bot.WaitFinishedAsync(record.Id, c => Console.WriteLine($"  … {c.GetValueOrDefault(RecipientState.Sent):N0} sent after {sending.Elapsed.TotalSeconds:0} s"));
        sending.Stop();

        var counts = await bot.Store.CountsAsync(record.Id);
        var delivered = counts.GetValueOrDefault(RecipientState.Sent);
        var processed = record.Total - counts.GetValueOrDefault(RecipientState.Pending); // a 403 also took its slot
        var minimum = TimeSpan.FromSeconds(s.Recipients / s.Rate);
        var achieved = processed / sending.Elapsed.TotalSeconds;
        var (missing, duplicates) = Compare(s, api);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"  seeding the chat directory: {seeding.Elapsed.TotalSeconds:0.0} s; audience + {record.Total:N0} outbox rows written: {prepare.TotalSeconds:0.00} s");
        Console.WriteLine($"  sending: {sending.Elapsed.TotalSeconds:0.0} s; theoretical minimum at {s.Rate}/s: {minimum.TotalSeconds:0.0} s ({minimum / sending.Elapsed:P1} of it)");
        Console.WriteLine($"  achieved: {achieved:0.00} messages/s = {achieved / s.Rate:P1} of the configured rate (target ≥ 95 %)");
        Console.WriteLine($"  429s received: {api.TooManyRequests} (target 0); duplicates: {duplicates} (target 0); recipients missed: {missing}");
        Console.WriteLine($"  rows: {delivered:N0} sent, {counts.GetValueOrDefault(RecipientState.Unreachable):N0} unreachable, {counts.GetValueOrDefault(RecipientState.Failed):N0} failed; " +
                          $"progress edits to the officer: {api.Edits}");
        Console.WriteLine($"  memory: peak working set {process.PeakWorkingSet64 / 1048576.0:0} MB, managed heap now {GC.GetTotalMemory(false) / 1048576.0:0} MB, " +
                          $"database files {DatabaseBytes(s.DbPath) / 1048576.0:0.0} MB");
        return api.TooManyRequests == 0 && duplicates == 0 && missing == 0 && achieved / s.Rate >= 0.95 ? 0 : 1;
    }

    /// <summary>Runs the bot in a child process, kills it mid-broadcast, restarts it on the same database file.</summary>
    private static async Task<int> CrashTestAsync(BenchSettings s, FakeBotApi api, int after, string[] args)
    {
        Console.WriteLine($"Crash test: {s.Recipients:N0} recipients at {s.Rate}/s, the bot process is killed (SIGKILL) after {after:N0} messages, then restarted");
        var child = args.Where(a => a != "--crash-after" && a != after.ToString(CultureInfo.InvariantCulture))
            .Concat(["--child", "--api", api.Url, "--db", s.DbPath]).ToArray();
        using (var first = Spawn(child))
        {
            while (api.Received.Values.Sum() < after && !first.HasExited) await Task.Delay(10);
            first.Kill();
            await first.WaitForExitAsync();
        }
        var atKill = api.Received.Where(r => r.Key != BenchBot.OfficerChat).Sum(r => r.Value);
        Console.WriteLine($"  killed with {atKill:N0} messages delivered");
        using (var second = Spawn(child))
        {
            await second.WaitForExitAsync();
            if (second.ExitCode != 0) Console.WriteLine($"  the restarted bot exited with {second.ExitCode}");
        }
        var (missing, duplicates) = Compare(s, api);
        Console.WriteLine($"  after the restart: recipients missed: {missing} (target 0); duplicates: {duplicates} (target ≤ {s.InFlight}); 429s: {api.TooManyRequests}");
        return missing == 0 && duplicates <= s.InFlight ? 0 : 1;
    }

    /// <summary>The bot side of the crash test: the first run seeds and starts the broadcast, a restart only resumes it.</summary>
    private static async Task<int> ChildAsync(BenchSettings s, string apiUrl)
    {
        await using var bot = await BenchBot.StartAsync(s, apiUrl);
        var id = (await bot.Store.FindAsync(1))?.Id;
        if (id is null)
        {
            bot.Seed(s);
            id = (await bot.BroadcastAsync(Text)).Record.Id;
        }
        await bot.WaitFinishedAsync(id.Value);
        return 0;
    }

    /// <summary>The data file and LiteDB's log file (recent writes stay there until a checkpoint).</summary>
    private static long DatabaseBytes(string path) =>
        Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "*.db").Sum(f => new FileInfo(f).Length);

    private static (int Missing, int Duplicates) Compare(BenchSettings s, FakeBotApi api)
    {
        var expected = BenchBot.Recipients(s).Select(r => r.ChatId).Where(id => !api.IsBlocked(id)).ToList();
        var missing = expected.Count(id => !api.Received.ContainsKey(id));
        var duplicates = expected.Sum(id => Math.Max(0, api.Received.GetValueOrDefault(id) - 1));
        return (missing, duplicates);
    }

    private static Process Spawn(string[] args)
    {
        var host = Environment.ProcessPath!;
        var info = new ProcessStartInfo(host) { UseShellExecute = false };
        // Under "dotnet Bot.Bench.dll" the process is dotnet itself: name the assembly again.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") info.ArgumentList.Add(typeof(BroadcastBenchmark).Assembly.Location);
        info.ArgumentList.Add("broadcast");
        foreach (var a in args) info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }

    private static BenchSettings Parse(string[] args)
    {
        var s = new BenchSettings
        {
            Recipients = Int(args, "--recipients") ?? 10_000,
            Rate = Double(args, "--rate") ?? 25,
            GroupShare = Double(args, "--groups") ?? 0.2,
            ApiLimit = Double(args, "--api-limit"),
            LatencyMs = Int(args, "--latency-ms") ?? 0,
            InFlight = Int(args, "--in-flight") ?? 1,
            Blocked = Int(args, "--blocked") ?? 0,
            CrashAfter = Int(args, "--crash-after"),
            DbPath = Value(args, "--db") ?? Path.Combine(Path.GetTempPath(), $"bench-broadcast-{Guid.NewGuid():N}.db"),
        };
        if (s.Recipients < 1 || s.Rate <= 0 || s.GroupShare is < 0 or > 1 || s.InFlight < 1)
            throw new ArgumentException("recipients ≥ 1, rate > 0, groups between 0 and 1, in-flight ≥ 1");
        return s;
    }

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int? Int(string[] args, string name) => Value(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null;

    private static double? Double(string[] args, string name) => Value(args, name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : null;
}
