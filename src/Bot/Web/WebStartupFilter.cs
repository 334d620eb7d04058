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
    };
}
