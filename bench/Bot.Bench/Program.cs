// Benchmarks, one subcommand each: dotnet run -c Release --project bench/Bot.Bench -- <name> [options]
return args.FirstOrDefault() switch
{
    "faq" => Bot.Bench.Faq.FaqBench.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Bot.Bench <benchmark> [options]\n  faq [--set <file.yaml>]... [--dialogs <dir>] [--failures] [--no-timing] [--option Name=value]... [--explain <question>]...   FAQ accuracy and latency, with the BM25 baseline");
    return 2;
}
