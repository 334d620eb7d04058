using System.Security.Claims;
using Bot.Members;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Bot.Web.SignIn;

/// <summary>
/// The officer's dashboard session: a cookie naming a stored session. Every request re-checks on the server that the
/// session is open and that its officer still holds a role (a removed officer is out with their next click).
/// </summary>
public static class OfficerSession
{
    public const string Scheme = "Officer";
    public const string Policy = "Officer";
    public const string SessionClaim = "sid";
    public const string ChannelClaim = "channel";
    public const string UserClaim = "uid";
    public const string Cookie = "cdb_officer";

    public static ClaimsPrincipal Principal(WebSession session) => new(new ClaimsIdentity(
    [
        new Claim(SessionClaim, session.Id),
        new Claim(ChannelClaim, session.Channel),
        new Claim(UserClaim, session.UserId),
        new Claim(ClaimTypes.Name, session.Name),
    ], Scheme));

    /// <summary>The signed-in officer as an actor for the use cases, with their roles as they are now.</summary>
    public static Actor? Actor(HttpContext http)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(ChannelClaim) is not { } channel || user.FindFirstValue(UserClaim) is not { } id) return null;
        var roster = http.RequestServices.GetRequiredService<OfficerRoster>();
        return new Actor(channel, id, user.Identity.Name ?? id, WebLanguage.Of(http), roster.RolesOf(channel, id));
    }

    public static void Configure(CookieAuthenticationOptions o, WebOptions web)
    {
        o.Cookie.Name = Cookie;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = web.HttpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = web.SessionLifetime;
        o.SlidingExpiration = true;
        o.LoginPath = "/quantri/dangnhap";
        o.AccessDeniedPath = "/quantri/dangnhap";
        o.ReturnUrlParameter = "ve";
        o.Events.OnValidatePrincipal = ValidateAsync;
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var principal = context.Principal;
        var open = principal?.FindFirstValue(SessionClaim) is { } sid
                   && await services.GetRequiredService<ISignInStore>().FindSessionAsync(sid, context.HttpContext.RequestAborted) is { EndedAt: null } session
                   && services.GetRequiredService<OfficerRoster>().RolesOf(session.Channel, session.UserId).Count > 0;
        if (open) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(Scheme);
    }
}
