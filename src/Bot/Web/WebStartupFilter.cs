using Bot.Web.Chat;
using Bot.Web.Dashboard;
using Microsoft.Extensions.FileProviders;

namespace Bot.Web;

/// <summary>The web's part of the request pipeline: security headers, static files, sign-in, pages and the chat's calls.</summary>
public sealed class WebStartupFilter(IOptions<WebOptions> options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // Behind a reverse proxy on this machine (only loopback proxies are trusted) that ends TLS, the request is
        // https as far as cookies and antiforgery are concerned.
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto });
        next(app);
        app.Use(rest => new WebBranch(app, rest, Configure).InvokeAsync);
    };

    /// <summary>Everything after the host's own endpoints (webhooks, health, metrics): only the web's visitors get here.</summary>
    private void Configure(IApplicationBuilder app)
    {
        app.Use(async (http, call) =>
        {
            var headers = http.Response.Headers;
            // Sign-in links carry their secret in the path: no page may pass it on as a Referer.
            headers["Referrer-Policy"] = "no-referrer";
            headers["X-Content-Type-Options"] = "nosniff";
            headers["X-Frame-Options"] = "DENY";
            headers["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
            await call();
        });
        var assets = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(assets))
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(assets), RequestPath = "/assets" });
        app.UseRouting();
        if (options.Value.ServesChat) app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapRazorPages();
            endpoints.MapBroadcastEvents();
            if (options.Value.ServesChat) endpoints.MapWebChat();
        });
    }
}

/// <summary>
/// The web's branch of the pipeline, built by the first request that reaches it. Building it discovers the Razor
/// pages and sets up routing, sign-in and antiforgery: most of what ASP.NET Core did before the host could answer its
/// first update (throughput round 7), and none of it is needed by the webhooks, health and metrics, which are matched
/// before it. The first web visitor pays for it once instead.
/// </summary>
internal sealed class WebBranch(IApplicationBuilder app, RequestDelegate rest, Action<IApplicationBuilder> configure)
{
    // Built once: concurrent first requests wait for the one build. A build that throws is thrown to every request,
    // as a broken pipeline would be.
    private readonly Lazy<RequestDelegate> _pipeline = new(() =>
    {
        var branch = app.New();
        configure(branch);
        branch.Run(rest);
        return branch.Build();
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public bool IsBuilt => _pipeline.IsValueCreated;

    public Task InvokeAsync(HttpContext context) => _pipeline.Value(context);
}
