using System.Diagnostics;
using System.Globalization;

namespace Bot.Bench.Turns;

/// <summary>
/// Start to first answer and idle memory, each in a fresh process (a warm process would hide the JIT and the FAQ
/// index build): the child starts the real host, answers one /start through the Telegram webhook, reports the time
/// since its own process started, then its RSS after a full GC, as a long-running bot sits between messages.
/// </summary>
public static class StartupProbe
{
    public static async Task<int> ChildAsync()
    {
        // Where the start goes: the runtime up to Main, building the host (configuration, content, services), starting it
        // (the database, hosted services, ASP.NET Core), then the first turn.
        var started = Process.GetCurrentProcess().StartTime;
        var phases = new List<string>();
        void Mark(string phase) => phases.Add(string.Create(CultureInfo.InvariantCulture, $"{phase}_ms={(TimeProvider.System.GetLocalNow().DateTime - started).TotalMilliseconds:F0}"));
        Mark("main");
        var folder = Directory.CreateTempSubdirectory("bot-bench-start-").FullName;
        try
        {
            await using var host = await TurnsHost.StartAsync(folder, Mark);
            await host.SendAsync(1, "/start");
            var sinceStart = DateTime.Now - started;
            // Idle means after the background work of the start (the FAQ index) is done too.
            await host.FaqReady;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var process = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"STARTUP first_answer_ms={sinceStart.TotalMilliseconds:F0} idle_rss_mb={process.WorkingSet64 / 1048576.0:F1} heap_mb={GC.GetTotalMemory(false) / 1048576.0:F1} {RssParts()} {string.Join(' ', phases)}"));
            return 0;
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Linux only: what the RSS is made of (anonymous memory: heaps, JIT code; file: mapped assemblies).</summary>
    private static string RssParts()
    {
        const string Status = "/proc/self/status";
        if (!File.Exists(Status)) return "";
        var parts = File.ReadLines(Status).Where(l => l.StartsWith("RssAnon", StringComparison.Ordinal) || l.StartsWith("RssFile", StringComparison.Ordinal))
            .Select(l => l.Split(':', 2)).Select(p => $"{p[0].ToLowerInvariant()}_mb={long.Parse(p[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0:F1}");
        return string.Join(' ', parts);
    }

    /// <summary>Runs the child <paramref name="rounds"/> times and prints each line and the median.</summary>
    public static async Task RunAsync(int rounds)
    {
        var results = new List<(double Ms, double Rss)>();
        for (var i = 0; i < rounds; i++)
        {
            // Under `dotnet run` the process is the bench's own executable, under `dotnet Bot.Bench.dll` it is dotnet.
            var viaDotnet = Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet";
            string[] args = viaDotnet ? [typeof(StartupProbe).Assembly.Location, "turns", "--startup-child"] : ["turns", "--startup-child"];
            var start = new ProcessStartInfo(Environment.ProcessPath!, args) { RedirectStandardOutput = true };
            using var child = Process.Start(start)!;
            var output = await child.StandardOutput.ReadToEndAsync();
            await child.WaitForExitAsync();
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("STARTUP", StringComparison.Ordinal))
                ?? throw new InvalidOperationException("the startup probe printed nothing:\n" + output);
            Console.WriteLine(line);
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => f.Split('=')).ToDictionary(f => f[0], f => double.Parse(f[1], CultureInfo.InvariantCulture));
            results.Add((fields["first_answer_ms"], fields["idle_rss_mb"]));
        }
        var median = results.OrderBy(r => r.Ms).ElementAt(results.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| start to first answer | {median.Ms:F0} ms | idle RSS | {results.Select(r => r.Rss).Order().ElementAt(results.Count / 2):F0} MB |"));
    }
}
