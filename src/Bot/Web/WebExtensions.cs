using Bot.Conversations;
using Bot.Storage;
using Bot.Web.Audit;
using Bot.Web.Chat;
using Bot.Web.SignIn;
using Bot.Web.Dashboard;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Bot.Web;

public static class WebExtensions
{
    /// <summary>
    /// The members' web chat at "/" (channel "web", unless Web:ChatEnabled is false) and the officers' dashboard at
    /// /quantri (sign-in by a one-time link from /quantri in a private chat). Both call the same use-case services as chat.
    /// Web:Enabled=false serves neither.
    /// </summary>
    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var web = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();

        services.AddHttpContextAccessor();
        // Vietnamese letters are written as they are, not as &#x...; entities (smaller pages, readable source).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddScoped<WebText>();
        services.AddSingleton<WebAddress>();
        services.AddStoreCollection(LiteDbSignInStore.Links).AddStoreCollection(LiteDbSignInStore.Sessions);
        services.AddStore<ISignInStore, LiteDbSignInStore, PgSignInStore>();
        services.AddStoreCollection(LiteDbAuditLog.Collection, LiteDbAuditLog.Indexes);
        services.AddStore<IAuditLog, LiteDbAuditLog, PgAuditLog>();
        services.AddSingleton<SignInLinks>();
        services.AddStoreCollection(Unanswered.LiteDbUnansweredQuestionStore.Collection);
        services.AddStore<Unanswered.IUnansweredQuestionStore, Unanswered.LiteDbUnansweredQuestionStore, Unanswered.PgUnansweredQuestionStore>();
        services.AddSingleton<Faq.IFaqMissObserver, Unanswered.UnansweredRecorder>();
        services.AddCommand<DashboardCommand>();
        builder.AddDashboard();
        // Off: no pages, no web chat, no web pipeline (which is also most of a host's start: Razor's page discovery).
        if (!web.Enabled) return builder;

        // Secure when the request is https; behind a proxy on this machine X-Forwarded-Proto says so (see WebStartupFilter).
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "cdb_af";
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthentication(OfficerSession.Scheme).AddCookie(OfficerSession.Scheme, o => OfficerSession.Configure(o, web));
        services.AddAuthorization(o => o.AddPolicy(OfficerSession.Policy, p => p.AddAuthenticationSchemes(OfficerSession.Scheme).RequireAuthenticatedUser()
            .RequireAssertion(c => c.Resource is HttpContext http && OfficerSession.Actor(http) is { IsOfficer: true })));
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Web";
            o.Conventions.AuthorizeFolder("/Dashboard", OfficerSession.Policy);
        }).ConfigureApplicationPartManager(parts =>
        {
            // The pages live in this assembly; a host started from another one (a test runner) must still find them.
            var assembly = typeof(WebExtensions).Assembly;
            if (parts.ApplicationParts.OfType<Microsoft.AspNetCore.Mvc.ApplicationParts.AssemblyPart>().Any(p => p.Assembly == assembly)) return;
            foreach (var part in Microsoft.AspNetCore.Mvc.ApplicationParts.ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                parts.ApplicationParts.Add(part);
        });

        if (web.ServesChat)
        {
            services.AddSingleton<WebTranscripts>();
            services.AddSingleton<WebConnector>();
            services.AddSingleton<IChannelConnector>(sp => sp.GetRequiredService<WebConnector>());
            services.AddSingleton<Members.IMemberDataOwner, WebChatMemberData>();
            services.AddHostedService<WebChatAnnouncer>();
            services.AddRateLimiter(o =>
            {
                o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                o.AddPolicy(WebChatEndpoints.RateLimit, WebChatEndpoints.LimitPerVisitor);
            });
        }
        services.AddTransient<IStartupFilter, WebStartupFilter>();
        DeferKeyRing(services);
        return builder;
    }

    /// <summary>
    /// ASP.NET Core loads the data protection key ring when the host starts (a hosted service that only warms it).
    /// Only sign-in cookies and antiforgery tokens use it, so it is loaded by the first of them instead: 55–175 ms of
    /// every start before the first update (throughput rounds 6–7). If a framework update renames the service, it stays.
    /// </summary>
    private static void DeferKeyRing(IServiceCollection services)
    {
        for (var i = services.Count - 1; i >= 0; i--)
            if (services[i].ServiceType == typeof(IHostedService) && services[i].ImplementationType?.FullName == KeyRingWarmer)
                services.RemoveAt(i);
    }

    internal const string KeyRingWarmer = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";
}
