using Bot.Content;
using Bot.Faq;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Operations;

/// <summary>Ready when plans are loaded and the FAQ engine is built (it is built at start, so a broken file never gets here).</summary>
public sealed class ContentHealthCheck(BotContent content, FaqLibrary faq) : IHealthCheck
{
    public const string Name = "content";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (plans, items) = (content.Plans.Count, faq.Engine.Vietnamese.Count);
        var data = new Dictionary<string, object> { ["plans"] = plans, ["faq"] = items };
        return Task.FromResult(plans > 0 && items > 0
            ? HealthCheckResult.Healthy($"{plans} plans, {items} FAQ items", data)
            : HealthCheckResult.Unhealthy($"{plans} plans, {items} FAQ items", data: data));
    }
}
