using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Bot.Bench.ScaleOut;

/// <summary>
/// The PostgreSQL server of the check: the one named by BOT_TEST_POSTGRES (as the tests use it), or a throwaway
/// cluster started here (initdb into a temp folder, its own port, unix socket only, as the postgres user when run as
/// root), stopped and deleted at the end. Unlike the tests' cluster it keeps fsync on: its figures sit beside
/// LiteDB's, which syncs every commit. Each run gets a fresh database.
/// </summary>
public sealed class BenchPostgres : IAsyncDisposable
{
    private readonly string _server;
    private readonly string? _folder;
    private readonly List<string> _databases = [];

    private BenchPostgres(string server, string? folder) => (_server, _folder) = (server, folder);

    public string Description => _folder is null ? "BOT_TEST_POSTGRES" : $"throwaway cluster in {_folder}";

    public static async Task<BenchPostgres> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("BOT_TEST_POSTGRES") is { Length: > 0 } given && given != "off") return new BenchPostgres(given, null);
        var initdb = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "initdb")).Where(File.Exists).OrderDescending().FirstOrDefault()
            : null;
        if (initdb is null) throw new InvalidOperationException("No PostgreSQL: set BOT_TEST_POSTGRES to a connection string, or install Debian's postgresql (apt-get install -y postgresql).");
        var bin = Path.GetDirectoryName(initdb)!;
        var folder = Path.Combine(Path.GetTempPath(), $"bench-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..28]);
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", $"postgres {folder}", false);
        await RunAsync(initdb, $"-D {data} -U postgres -A trust -E UTF8 --locale=C", asRoot);
        var port = FreePort();
        var options = $"-p {port} -k {folder} -c listen_addresses='' -c max_connections=300";
        await RunAsync(Path.Combine(bin, "pg_ctl"), $"-D {data} -o \"{options}\" -l {Path.Combine(folder, "log")} -w -t 60 start", asRoot);
        var server = $"Host={folder};Port={port};Username=postgres;Database=postgres";
        var postgres = new BenchPostgres(server, folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => postgres.Stop();
        return postgres;
    }

    /// <summary>A new empty database; the bot creates its schema at start.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"bench_scaleout_{Guid.NewGuid():N}"[..28];
        await using (var source = NpgsqlDataSource.Create(_server))
        await using (var command = source.CreateCommand($"CREATE DATABASE {name}"))
            await command.ExecuteNonQueryAsync();
        _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(_server) { Database = name, MaxPoolSize = 40 }.ConnectionString;
    }

    private void Stop()
    {
        if (_folder is null || !Directory.Exists(_folder)) return;
        try
        {
            var pid = int.Parse(File.ReadLines(Path.Combine(_folder, "data", "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
            Process.Start("kill", ["-QUIT", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();
            Process.GetProcessById(pid).WaitForExit(10_000);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidOperationException or FormatException)
        {
            // already gone
        }
        Directory.Delete(_folder, recursive: true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is null)
        {
            await using var source = NpgsqlDataSource.Create(_server);
            foreach (var name in _databases)
            {
                await using var command = source.CreateCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                await command.ExecuteNonQueryAsync();
            }
        }
        Stop();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string arguments, bool asPostgres)
    {
        var start = asPostgres ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}") : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"Starting PostgreSQL failed: {Path.GetFileName(file)} exited {process.ExitCode}: {await errors}{await output}");
    }
}
