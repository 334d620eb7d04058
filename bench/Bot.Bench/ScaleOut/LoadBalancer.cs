using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Model;

namespace Bot.Bench.ScaleOut;

/// <summary>
/// The load balancer in front of the instances: YARP in this process, round robin. A request that fails on one
/// instance before any response came back (connection refused by a killed instance, or cut mid-request) is sent to
/// the next one, with the same body, as a load balancer's retry on another upstream does. A request cut after the
/// dead instance stored it is therefore delivered twice: the bot's de-duplication must answer it once.
/// </summary>
public sealed class LoadBalancer(IReadOnlyList<int> ports) : IAsyncDisposable
{
    private WebApplication? _app;
    private int _retried;

    public string Url { get; private set; } = "";
    public int Retried => Volatile.Read(ref _retried);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "bot", ClusterId = "bots", Match = new RouteMatch { Path = "{**rest}" } }],
            [new ClusterConfig
            {
                ClusterId = "bots",
                LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
                Destinations = ports.ToDictionary(p => $"bot-{p}", p => new DestinationConfig { Address = $"http://127.0.0.1:{p}" }),
                HttpRequest = new ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(15) },
            }]);
        _app = builder.Build();
        _app.MapReverseProxy(pipeline =>
        {
            pipeline.Use(RetryOnAnotherInstanceAsync);
            pipeline.UseLoadBalancing();
        });
        await _app.StartAsync();
        Url = _app.Urls.First();
    }

    private async Task RetryOnAnotherInstanceAsync(HttpContext context, Func<Task> next)
    {
        context.Request.EnableBuffering();
        var proxy = context.GetReverseProxyFeature();
        var left = proxy.AvailableDestinations.ToList();
        while (true)
        {
            context.Request.Body.Position = 0;
            await next();
            if (context.Features.Get<IForwarderErrorFeature>() is null || context.Response.HasStarted) return;
            // Failed on the chosen instance: take it out for this request and try the others.
            left.RemoveAll(d => ReferenceEquals(d, proxy.ProxiedDestination));
            if (left.Count == 0) return;
            Interlocked.Increment(ref _retried);
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.Clear();
            proxy.AvailableDestinations = left;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
