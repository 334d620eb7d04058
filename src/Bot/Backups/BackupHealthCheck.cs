using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Backups;

/// <summary>
/// The last backup's time. A failed or overdue backup is "degraded": worth an alert, but the bot still serves members
/// (readiness stays 200).
/// </summary>
public sealed class BackupHealthCheck(DatabaseBackup backup, IOptions<BackupOptions> options, TimeProvider time) : IHealthCheck
{
    public const string Name = "backup";
    public const string None = "-";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (backup.IsPostgreSql) return Task.FromResult(HealthCheckResult.Healthy("PostgreSQL: backed up with pg_dump, not by the bot", new Dictionary<string, object> { ["last"] = None }));
        if (!backup.Possible) return Task.FromResult(HealthCheckResult.Healthy("the database is in memory: nothing to back up", new Dictionary<string, object> { ["last"] = None }));
        var latest = backup.Latest();
        var data = new Dictionary<string, object>
        {
            ["last"] = latest is null ? None : latest.TakenAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        };
        if (backup.LastFailure is { } failure) return Task.FromResult(HealthCheckResult.Degraded("the last backup failed: " + failure, data: data));
        var interval = options.Value.Interval;
        if (options.Value.Enabled && latest is not null && time.GetUtcNow() - latest.TakenAt > interval * 2)
            return Task.FromResult(HealthCheckResult.Degraded($"the last backup is older than twice Backups:Interval ({interval})", data: data));
        return Task.FromResult(HealthCheckResult.Healthy(latest is null ? "no backup yet" : latest.Name, data));
    }
}
