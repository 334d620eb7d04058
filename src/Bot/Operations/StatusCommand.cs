using Bot.Conversations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Operations;

/// <summary>/trangthai (/status), officers only: the readiness checks of /readyz, in chat.</summary>
public sealed class StatusCommand(HealthCheckService health, Say say) : ICommand
{
    public IReadOnlyList<string> Names => ["trangthai", "status"];
    public bool OfficerOnly => true;

    public async Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(OperationsExtensions.IsReadiness, cancellationToken);
        var lang = await say.LanguageAsync(turn, cancellationToken);
        var texts = say.Texts;
        var lines = new List<string> { texts.Get(lang, report.Status == HealthStatus.Healthy ? "ops.status-ready" : "ops.status-not-ready") };
        foreach (var (name, entry) in report.Entries)
        {
            var state = texts.Get(lang, entry.Status == HealthStatus.Healthy ? "ops.state-ok" : "ops.state-failed");
            var problem = entry.Status == HealthStatus.Healthy ? "" : entry.Description ?? "";
            if (name == ChannelsHealthCheck.Name && entry.Data.Count > 0)
            {
                foreach (var (channel, value) in entry.Data)
                {
                    var ok = Equals(value, "connected");
                    lines.Add(texts.Get(lang, "ops.check-channel", ("channel", channel),
                        ("state", texts.Get(lang, ok ? "ops.state-ok" : "ops.state-failed")), ("problem", ok ? "" : value)));
                }
                continue;
            }
            var args2 = entry.Data.Select(d => (d.Key, (object?)d.Value)).Append(("state", state)).Append(("problem", problem)).ToArray();
            lines.Add(texts.Get(lang, $"ops.check-{name}", args2));
        }
        // A check that passed has no {problem}: no trailing space on its line.
        await turn.SendAsync(string.Join('\n', lines.Select(l => l.TrimEnd())), cancellationToken);
    }
}
