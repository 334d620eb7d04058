using Bot.Storage;
using LiteDB;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Operations;

/// <summary>Ready when the writer has not failed and the database answers a read.</summary>
public sealed class StorageHealthCheck(StorageWriter writer, LiteDatabase database) : IHealthCheck
{
    public const string Name = "storage";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (writer.Fault is { } fault) return Task.FromResult(HealthCheckResult.Unhealthy("the storage failed: " + fault.Message));
        try
        {
            var collections = database.GetCollectionNames().Count();
            return Task.FromResult(HealthCheckResult.Healthy($"{collections} collections", new Dictionary<string, object> { ["commits"] = writer.Transactions }));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("the database does not answer: " + ex.Message));
        }
    }
}
