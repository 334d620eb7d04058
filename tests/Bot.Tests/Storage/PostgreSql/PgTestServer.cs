namespace Bot.Tests.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL server of a test run, one per run: the one BOT_TEST_POSTGRES names (a connection string), or else a
/// throwaway cluster started here from the PostgreSQL binaries (initdb into a temp folder, its own port, a unix socket
/// in that folder, no fsync), stopped and deleted when the run ends. Without either the PostgreSQL tests fail and say
/// why; BOT_TEST_POSTGRES=off is the explicit opt-out.
/// </summary>
public static class PgTestServer
{
    public const string Variable = "BOT_TEST_POSTGRES";

    private static readonly Lazy<Task<string?>> Server = new(StartAsync);

    /// <summary>True when the developer opted out (BOT_TEST_POSTGRES=off): the PostgreSQL classes run their contracts on LiteDB.</summary>
    public static bool Off => string.Equals(Environment.GetEnvironmentVariable(Variable), "off", StringComparison.OrdinalIgnoreCase);

    /// <summary>A connection string for a maintenance connection (create and drop test schemas); null when opted out.</summary>
    public static Task<string?> ConnectionStringAsync() => Server.Value;

    private static async Task<string?> StartAsync()
    {
        // The opt-out is announced by PgOptOutBanner in the test output.
        if (Off) return null;
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given) return given;
        var initdb = FindInitdb() ?? throw new InvalidOperationException(
            $"The PostgreSQL tests need a server: set {Variable} to a connection string, or install PostgreSQL (apt-get install -y postgresql) " +
            $"so that they start a throwaway one from /usr/lib/postgresql/<version>/bin; {Variable}=off skips them (not in CI).");
        return await ThrowawayCluster.StartAsync(Path.GetDirectoryName(initdb)!);
    }

    private static string? FindInitdb() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "initdb")).Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0).FirstOrDefault()
            : null;
}
