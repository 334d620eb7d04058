using System.Diagnostics;
using System.Globalization;

namespace Bot.Bench.Turns;

/// <summary>
/// Runs ../shared/peers/grammy in the same run (copied to a scratch folder once, as its README says: the shared
/// folder is read-only in CI) and reads its RESULT line.
/// </summary>
public sealed class GrammyPeer
{
    private static readonly string Scratch = Path.Combine(Path.GetTempPath(), "bot-bench-peers");
    private readonly string _folder;

    private GrammyPeer(string folder) => _folder = folder;

    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "peers"));

    public static string FaqJson => Path.Combine(Shared, "faq.json");

    public static async Task<GrammyPeer> PrepareAsync()
    {
        var folder = Path.Combine(Scratch, "grammy");
        if (!Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            Console.Error.WriteLine($"Preparing the grammY peer in {Scratch} (npm ci, about a minute once)…");
            CopyDirectory(Shared, Scratch);
            var (code, output) = await RunAsync("npm", "ci --no-audit --no-fund", folder, []);
            if (code != 0) throw new InvalidOperationException($"npm ci failed in {folder}:\n{output}");
        }
        return new GrammyPeer(folder);
    }

    public async Task<TurnResult> RunAsync(string scenario, int conc, TurnsOptions o)
    {
        var env = new Dictionary<string, string>
        {
            ["N"] = o.N.ToString(CultureInfo.InvariantCulture),
            ["WARM"] = o.Warm.ToString(CultureInfo.InvariantCulture),
            ["USERS"] = o.Users.ToString(CultureInfo.InvariantCulture),
            ["CONC"] = conc.ToString(CultureInfo.InvariantCulture),
        };
        var (code, output) = await RunAsync("node", $"bench.js {scenario}", _folder, env);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        if (code != 0 || line is null) throw new InvalidOperationException($"the grammY peer failed ({code}):\n{output}");
        return TurnResult.Parse(line);
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string arguments, string folder, Dictionary<string, string> env)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (k, v) in env) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln"))) return dir.FullName;
        throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
