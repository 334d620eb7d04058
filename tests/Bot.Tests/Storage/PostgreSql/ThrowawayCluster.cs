using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bot.Tests.Storage.PostgreSql;

/// <summary>
/// A PostgreSQL cluster in a temp folder for one test run. PostgreSQL refuses to run as root, so under root (CI, this
/// machine) every command runs as the "postgres" user that Debian's package creates. Durability is off (fsync,
/// synchronous_commit): a crash of the test run loses nothing anyone needs, and commits cost no disk flush.
/// </summary>
internal static class ThrowawayCluster
{
    private const string Prefix = "bot-pg-";
    private const int SigQuit = 3;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    /// <summary>Clusters of earlier runs whose test process is gone (killed before its exit handler finished).</summary>
    private static void ReapLeftovers()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var parts = Path.GetFileName(folder)[Prefix.Length..].Split('-');
            if (!int.TryParse(parts[0], out var owner) || IsAlive(owner)) continue;
            Reap(folder);
        }
    }

    private static void Reap(string folder)
    {
        try
        {
            var pidFile = Path.Combine(folder, "data", "postmaster.pid");
            if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).First(), out var postmaster) && IsAlive(postmaster))
            {
                Kill(postmaster, SigQuit);
                using var process = Process.GetProcessById(postmaster);
                process.WaitForExit(10_000);
            }
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            // Best effort: a folder left behind is reaped by a later run.
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static async Task<string> StartAsync(string bin)
    {
        ReapLeftovers();
        var folder = Path.Combine(Path.GetTempPath(), $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}"[..24]);
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", $"postgres {folder}", asUser: false);
        await RunAsync(Path.Combine(bin, "initdb"), $"-D {data} -U postgres -A trust -E UTF8 --locale=C --no-sync", asRoot);
        var port = FreePort();
        var options = $"-p {port} -k {folder} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        await RunAsync(Path.Combine(bin, "pg_ctl"), $"-D {data} -o \"{options}\" -l {Path.Combine(folder, "log")} -w -t 60 start", asRoot);
        // At the end of the run: an immediate shutdown (a signal, no process to start: the test host may be killed
        // soon after), then the folder. Whatever is left when the host dies first is reaped by the next run.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Reap(folder);
        return $"Host={folder};Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string arguments, bool asUser)
    {
        var start = asUser
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        // The postgres user may not enter the test's working directory.
        start.WorkingDirectory = Path.GetTempPath();
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"Starting the throwaway PostgreSQL failed: {Path.GetFileName(file)} {arguments} exited {process.ExitCode}: {await errors}{await output}");
    }
}
