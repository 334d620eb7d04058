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
    public static async Task<string> StartAsync(string bin)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"bot-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..24]);
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", $"postgres {folder}", asUser: false);
        await RunAsync(Path.Combine(bin, "initdb"), $"-D {data} -U postgres -A trust -E UTF8 --locale=C --no-sync", asRoot);
        var port = FreePort();
        var options = $"-p {port} -k {folder} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        await RunAsync(Path.Combine(bin, "pg_ctl"), $"-D {data} -o \"{options}\" -l {Path.Combine(folder, "log")} -w -t 60 start", asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                RunAsync(Path.Combine(bin, "pg_ctl"), $"-D {data} -m immediate -w stop", asRoot).GetAwaiter().GetResult();
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception)
            {
                // Best effort at exit: a temp folder left behind is harmless.
            }
        };
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
