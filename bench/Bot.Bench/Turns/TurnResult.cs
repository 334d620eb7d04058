using System.Globalization;

namespace Bot.Bench.Turns;

/// <summary>One scenario's figures, from this bot or from a peer's RESULT line.</summary>
public sealed record TurnResult(
    int Updates, double Ups, double P50Us, double P99Us, double CpuUs, double RssMb,
    double CommitsPerSecond = 0, double UnitsPerCommit = 0, string Check = "")
{
    public string Line(string framework, string scenario, int conc) => string.Create(CultureInfo.InvariantCulture,
        $"RESULT framework={framework} scenario={scenario} conc={conc} updates={Updates} ups={Ups:F0} p50_us={P50Us:F1} p99_us={P99Us:F1} cpu_us={CpuUs:F1} rss_mb={RssMb:F1}")
        + (framework == "bot" ? string.Create(CultureInfo.InvariantCulture, $" commits_per_s={CommitsPerSecond:F0} units_per_commit={UnitsPerCommit:F1} {Check}") : "");

    /// <summary>The round with the median throughput (the figures of one run stay together).</summary>
    public static TurnResult Median(List<TurnResult> rounds) => rounds.OrderBy(r => r.Ups).ElementAt(rounds.Count / 2);

    /// <summary>Reads the peer's <c>RESULT framework=… ups=… p50_us=…</c> line.</summary>
    public static TurnResult Parse(string line)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(f => f.Contains('='))
            .Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
        double D(string key) => double.Parse(fields[key], CultureInfo.InvariantCulture);
        return new TurnResult((int)D("updates"), D("ups"), D("p50_us"), D("p99_us"), D("cpu_us"), D("rss_mb"));
    }
}

public sealed record TurnsOptions
{
    public List<(string Scenario, int Conc)> Scenarios { get; } = [];
    public int N { get; private set; } = 5000;
    public int Warm { get; private set; } = 1000;
    public int Users { get; private set; } = 1000;
    public int Rounds { get; private set; } = 1;
    public bool Peers { get; private set; }
    public bool Startup { get; private set; }

    /// <summary><c>turns [startup] [command|lookup|form|form64]… [--n 5000] [--warm 1000] [--users 1000] [--rounds 1] [--peers]</c></summary>
    public static TurnsOptions Parse(string[] args)
    {
        var o = new TurnsOptions();
        for (var i = 0; i < args.Length; i++)
        {
            int Next() => int.Parse(args[++i], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--n": o.N = Next(); break;
                case "--warm": o.Warm = Next(); break;
                case "--users": o.Users = Next(); break;
                case "--rounds": o.Rounds = Next(); break;
                case "--peers": o.Peers = true; break;
                case "startup": o.Startup = true; break;
                case "form64": o.Scenarios.Add(("form", 64)); break;
                case var s when !s.StartsWith('-'): o.Scenarios.Add((s, 1)); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        return o;
    }
}
