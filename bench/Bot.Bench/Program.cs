// Benchmarks, one subcommand each: dotnet run -c Release --project bench/Bot.Bench -- <name> [options]
return args.FirstOrDefault() switch
{
    "faq" => Bot.Bench.Faq.FaqBench.Run(args[1..]),
    "broadcast" => await Bot.Bench.Broadcast.BroadcastBenchmark.RunAsync(args[1..]),
    "pledges" => Bot.Bench.Pledges.PledgeBench.Run(args[1..]),
    "intake" => await Bot.Bench.Intake.IntakeCrashBenchmark.RunAsync(args[1..]),
    "turns" => await Bot.Bench.Turns.TurnsBench.RunAsync(args[1..]),
    "scaleout" => await Bot.Bench.ScaleOut.ScaleOutBench.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Bot.Bench <benchmark> [options]\n  faq [--set <file.yaml>]... [--dialogs <dir>] [--failures] [--no-timing] [--option Name=value]... [--explain <question>]...   FAQ accuracy and latency, with the BM25 baseline" +
        "\n  broadcast [--recipients 10000] [--rate 25] [--groups 0.2] [--api-limit 30] [--latency-ms 0] [--in-flight 1] [--blocked 0] [--crash-after N]   broadcast speed, 429s and duplicates against a fake Bot API that enforces the flood limits" +
        "\n  pledges [--set <file.yaml>]... [--failures]   quick registrations understood / partly / refused (bench/data/pledge-messages*.yaml)" +
        "\n  intake [--updates 300] [--kill-after 150] [--parallel 8]   webhook updates acknowledged, the bot killed with SIGKILL and restarted: lost and answered twice" +
        "\n  turns [startup] [command|lookup|form|form64]... [--n 5000] [--warm 1000] [--users 1000] [--rounds 1] [--peers]   turns per second through the real host and Telegram channel, beside grammY (../shared/peers) with --peers" +
        "\n  scaleout [--members 300] [--think-ms 15000] [--no-figures]   two bot processes on PostgreSQL behind YARP, one killed with SIGKILL during a broadcast: lost, answered twice, order, flood limits; turns/s and p99 for LiteDB and PostgreSQL with 1 and 2 instances");
    return 2;
}
