using Bot.Storage;
using Bot.Storage.PostgreSql;
using LiteDB;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Operations;

/// <summary>
/// Ready when the storage answers: LiteDB's writer has not failed and the file answers a read; PostgreSQL answers a
/// query on a pooled connection.
/// </summary>
public sealed class StorageHealthCheck(IServiceProvider services) : IHealthCheck
{
    public const string Name = "storage";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (StorageExtensions.IsPostgreSql(services)) return await PostgreSqlAsync(cancellationToken);
        var writer = services.GetRequiredService<StorageWriter>();
        if (writer.Fault is { } fault) return HealthCheckResult.Unhealthy("the storage failed: " + fault.Message);
        try
        {
            var collections = services.GetRequiredService<LiteDatabase>().GetCollectionNames().Count();
            return HealthCheckResult.Healthy($"{collections} collections", new Dictionary<string, object> { ["commits"] = writer.Transactions });
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("the database does not answer: " + ex.Message);
        }
    }

    private async Task<HealthCheckResult> PostgreSqlAsync(CancellationToken cancellationToken)
    {
        try
        {
            var db = services.GetRequiredService<PgDatabase>();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var version = await db.CountAsync("SELECT coalesce(max(version), 0) FROM schema_migrations");
            return HealthCheckResult.Healthy($"PostgreSQL, schema {version}",
                new Dictionary<string, object> { ["commits"] = services.GetRequiredService<PgCommitter>().Transactions });
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer: " + ex.Message);
        }
    }
}
