// Benchmarks, one subcommand each: dotnet run -c Release --project bench/Bot.Bench -- <name> [options]
if (args.FirstOrDefault() == "broadcast") return await Bot.Bench.Broadcast.BroadcastBenchmark.RunAsync(args[1..]);
Console.WriteLine("bench");
return 0;
