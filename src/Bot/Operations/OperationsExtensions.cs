using Bot.Conversations;
using OpenTelemetry.Metrics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Operations;

public static class OperationsExtensions
{
    public const string ReadyTag = "ready";

    public static readonly Func<HealthCheckRegistration, bool> IsReadiness = r => r.Tags.Contains(ReadyTag);

    /// <summary>Health (/healthz alive, /readyz store + content + channels), metrics, the officers' /trangthai.</summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OperationsOptions>, OperationsOptionsValidator>();
        services.AddSingleton<ChannelHealth>();
        services.AddSingleton<BotMetrics>();
        services.AddSingleton<IDeliveryMeter>(sp => sp.GetRequiredService<BotMetrics>());
        services.AddSingleton<ITurnMiddleware, MetricsMiddleware>();
        services.AddSingleton<ILoggerProvider, ErrorCountingLoggerProvider>();
        if (builder.Configuration.GetValue<bool>($"{OperationsOptions.Section}:{nameof(OperationsOptions.Metrics)}"))
            services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(BotMetrics.MeterName, "System.Runtime").AddPrometheusExporter());
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>(StorageHealthCheck.Name, tags: [ReadyTag])
            .AddCheck<ContentHealthCheck>(ContentHealthCheck.Name, tags: [ReadyTag])
            .AddCheck<ChannelsHealthCheck>(ChannelsHealthCheck.Name, tags: [ReadyTag]);
        services.AddCommand<StatusCommand>();
        return builder;
    }

    /// <summary>Maps the endpoints; with Operations:Urls they answer only on those ports (and the host listens there too).</summary>
    public static WebApplication MapOperations(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<OperationsOptions>>().Value;
        string[] hosts = [];
        var own = options.Addresses(); // validated on reading the options
        if (own.Count > 0)
        {
            // Addresses added here replace the Urls setting, so both are listed.
            var main = app.Configuration["urls"] is { Length: > 0 } urls ? urls : "http://localhost:5000";
            foreach (var url in main.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) app.Urls.Add(url);
            foreach (var address in own) app.Urls.Add(address.ToString());
            hosts = [.. own.Select(a => $"*:{a.Port}")];
        }
        if (options.Metrics)
        {
            var metrics = app.MapPrometheusScrapingEndpoint("/metrics");
            if (hosts.Length > 0) metrics.RequireHost(hosts);
        }
        if (!options.Health) return app;
        var live = app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync });
        var ready = app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = IsReadiness, ResponseWriter = HealthResponse.WriteAsync });
        if (hosts.Length > 0)
        {
            live.RequireHost(hosts);
            ready.RequireHost(hosts);
        }
        return app;
    }
}
