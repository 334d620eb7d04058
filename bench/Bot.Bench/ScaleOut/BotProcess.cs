using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Bot.Bench.ScaleOut;

/// <summary>
/// One bot instance: the real app (Bot.dll, built next to the bench) in its own process, in webhook mode on its own
/// loopback port, configured through environment variables as a deployment would. Killed with SIGKILL, started again
/// on the same port and settings. Its output goes to a log file in the run's folder.
/// </summary>
public sealed class BotProcess(string name, int port, IReadOnlyDictionary<string, string> settings, string logFolder) : IDisposable
{
    private Process? _process;
    private int _starts;

    public int Port => port;
    public string Name => name;
    public int? Pid => _process is { HasExited: false } p ? p.Id : null;

    public async Task StartAsync(HttpClient http)
    {
        var bot = Path.Combine(AppContext.BaseDirectory, "Bot.dll");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(bot);
        foreach (var (key, value) in settings) info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        info.Environment["Urls"] = $"http://127.0.0.1:{Port}";
        var log = new StreamWriter(Path.Combine(logFolder, $"{name}-{++_starts}.log")) { AutoFlush = true };
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is { } line) lock (log) log.WriteLine(line); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lock (log) log.WriteLine(line); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitReadyAsync(http);
    }

    /// <summary>SIGKILL: no shutdown, nothing flushed beyond what was committed; its PostgreSQL sessions end with it.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } p) return;
        p.Kill();
        await p.WaitForExitAsync();
    }

    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } p) return;
        // SIGTERM: the host's clean stop (held replies sent, leases given up).
        Process.Start("kill", ["-TERM", p.Id.ToString(CultureInfo.InvariantCulture)])?.WaitForExit();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await p.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill();
        }
    }

    private async Task WaitReadyAsync(HttpClient http)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process!.HasExited) throw new InvalidOperationException($"{name} exited with {_process.ExitCode} at start; see {logFolder}");
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{Port}/healthz");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{name} did not answer /healthz within 90 s; see {logFolder}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (_process is { HasExited: false } p) p.Kill();
        _process?.Dispose();
    }
}
