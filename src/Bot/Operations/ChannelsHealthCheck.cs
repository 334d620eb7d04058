using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Operations;

/// <summary>Ready when every platform channel turned on has connected (its last poll worked, or its webhook is registered).</summary>
public sealed class ChannelsHealthCheck(IEnumerable<MonitoredChannel> channels, ChannelHealth health) : IHealthCheck
{
    public const string Name = "channels";
    public const string NotYet = "not connected yet";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>();
        var down = 0;
        foreach (var channel in channels.Select(c => c.Channel).Distinct())
        {
            var state = health.Get(channel);
            if (state is not { Connected: true }) down++;
            data[channel] = state is null ? NotYet : state.Connected ? "connected" : state.Problem ?? "failed";
        }
        var description = data.Count == 0 ? "no platform channel is on (no Telegram or Zalo token)" : string.Join(", ", data.Select(d => $"{d.Key}: {d.Value}"));
        return Task.FromResult(down == 0 ? HealthCheckResult.Healthy(description, data) : HealthCheckResult.Unhealthy(description, data: data));
    }
}
