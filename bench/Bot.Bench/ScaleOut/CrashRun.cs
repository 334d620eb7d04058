using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Bot.Bench.ScaleOut;

/// <summary>
/// Two instances on PostgreSQL with the fake's flood limits on; members at a human pace; once every member has been
/// answered once, the officer broadcasts to everyone; when the broadcast is under way the instance holding the sender
/// lease is killed with SIGKILL and started again 3 s later. Each instance runs with the product's Telegram pacing
/// (25/s): the budget is the bot token's, and the instances share it through PostgreSQL (Pacing/PgSendBudget).
/// </summary>
public static partial class CrashRun
{
    private const string Marker = "BENCH-SCALEOUT";
    private const double RatePerInstance = 25;

    public static async Task<bool> RunAsync(Dictionary<string, string> storage, int members, int thinkMs, string folder, MemberScript? script)
    {
        await using var api = new RecordingBotApi(limits: true);
        await api.StartAsync();
        await using var cluster = await BotCluster.StartAsync("pg-crash", 2, storage, api, RatePerInstance, folder);
        var traffic = cluster.Traffic;
        await ScaleOutBench.OpenRegistrationAsync(traffic);
        script ??= await MemberScript.CalibrateAsync(traffic, api, 799_999);
        Console.WriteLine($"Crash run (2 instances on PostgreSQL, fake with flood limits, pacing {RatePerInstance}/s shared by the instances, members think {thinkMs / 2000.0:0.#}–{thinkMs * 1.5 / 1000:0.#} s):");

        var started = 0;
        var everyoneKnown = new TaskCompletionSource();
        var memberTasks = Enumerable.Range(0, members).Select(m => ScaleOutBench.MemberAsync(traffic, script, m, thinkMs, TimeSpan.FromSeconds(120), (_, step) =>
        {
            if (step == 0 && Interlocked.Increment(ref started) == members) everyoneKnown.TrySetResult();
        })).ToList();

        await everyoneKnown.Task.WaitAsync(TimeSpan.FromMinutes(5));
        var total = await BroadcastAsync(traffic);
        int Marked() => Enumerable.Range(0, members).Count(m => api.To(Traffic.ChatOf(m)).Any(r => r.Text.Contains(Marker, StringComparison.Ordinal)));
        while (Marked() < 20) await Task.Delay(50);
        var victim = await LeaseHolderAsync(storage["Storage:ConnectionString"], cluster.Bots) ?? cluster.Bots[0];
        Console.WriteLine($"  broadcast to {total} recipients under way ({Marked()} members have it): SIGKILL to {victim.Name} (pid {victim.Pid}, the sender lease holder)");
        await victim.KillAsync();
        await Task.Delay(3000);
        await victim.StartAsync(BotCluster.Http);
        Console.WriteLine($"  {victim.Name} started again; {Marked()} members have the broadcast");

        await Task.WhenAll(memberTasks);
        // Replies a dead instance committed but did not send are claimed by another after a minute: wait up to 3.
        var deadline = api.Now + TimeSpan.FromMinutes(3);
        while (api.Now < deadline && (Marked() < members || RunReport.Of("", traffic, api, script, members).Lost > 0)) await Task.Delay(500);

        var report = RunReport.Of("PostgreSQL, 2 instances, kill -9", traffic, api, script, members);
        var counts = Enumerable.Range(0, members).Select(m => api.To(Traffic.ChatOf(m)).Count(r => r.Text.Contains(Marker, StringComparison.Ordinal))).ToList();
        var (missed, repeated, tooMany) = (counts.Count(c => c == 0), counts.Count(c => c == 2), counts.Count(c => c > 2));
        Console.WriteLine(report);
        if (!report.Clean) Console.WriteLine(RunReport.Example(traffic, api, script, members));
        Console.WriteLine($"  broadcast: {members - missed} of {members} members got it; missed {missed} (target 0); repeated once {repeated} (allowed); more than one repeat {tooMany} (target 0)");
        var (chat, officer) = api.ViolationsByKind;
        Console.WriteLine($"  load balancer retries on the other instance: {cluster.Retried}; 429s from the fake (flood limits exceeded): {api.Violations} (target 0): " +
                          $"{api.Violations - chat} over 30/s overall, {chat} over one chat's limit ({officer} of them the officer's chat)");
        return report.Clean && missed == 0 && tooMany == 0 && api.Violations == 0;
    }

    /// <summary>The officer's announcement as a member of staff sends it: /thongbao, "everyone", "✅ Gửi". Returns the recipients it names.</summary>
    private static async Task<int> BroadcastAsync(Traffic traffic)
    {
        var officer = Traffic.OfficerChat;
        await traffic.SendAsync(officer, $"/thongbao {Marker}: họp công đoàn lúc 14:00 thứ Sáu tại hội trường.");
        if (!await traffic.WaitForAsync(officer, t => t.Contains("Gửi tới ai", StringComparison.Ordinal), TimeSpan.FromSeconds(30))) throw new InvalidOperationException("/thongbao: no audience question");
        await traffic.SendAsync(officer, "1");
        string? confirm = null;
        if (!await traffic.WaitForAsync(officer, t => (confirm = t.Contains("Gửi tin nhắn trên tới", StringComparison.Ordinal) ? t : confirm) is not null, TimeSpan.FromSeconds(30)))
            throw new InvalidOperationException("/thongbao: no confirmation question");
        await traffic.SendAsync(officer, "✅ Gửi");
        return int.Parse(Recipients().Match(confirm!).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static async Task<BotProcess?> LeaseHolderAsync(string connectionString, IReadOnlyList<BotProcess> bots)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand("SELECT owner FROM leases WHERE name = 'broadcast-sender'");
        var owner = (string?)await command.ExecuteScalarAsync();
        var pid = owner?.Split(':') is [_, var p, ..] && int.TryParse(p, out var id) ? id : (int?)null;
        return bots.FirstOrDefault(b => b.Pid == pid);
    }

    [GeneratedRegex(@"tới (\d+) người nhận")]
    private static partial Regex Recipients();
}
