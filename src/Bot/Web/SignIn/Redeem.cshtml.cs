using Bot.Members;
using Bot.Web.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Web.SignIn;

/// <summary>
/// A sign-in link opened. The GET only asks to confirm: chat apps open links to preview them, and a preview must not
/// use up the one-time link. The POST (with its antiforgery token) redeems it and opens the session.
/// </summary>
public sealed class RedeemModel(SignInLinks links, ISignInStore sessions, OfficerAudit audit, OfficerRoster roster, TimeProvider time) : PageModel
{
    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string secret)
    {
        var result = await links.RedeemAsync(secret, HttpContext.RequestAborted);
        if (result is not { Outcome: RedeemOutcome.SignedIn, Link: { } link })
        {
            Problem = result.Outcome switch
            {
                RedeemOutcome.Expired => "signin-expired",
                RedeemOutcome.AlreadyUsed => "signin-used",
                _ => "signin-unknown",
            };
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var session = new WebSession
        {
            Id = Visitor.Base64Url(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)),
            Channel = link.Channel, UserId = link.UserId, Name = link.Name, CreatedAt = time.GetUtcNow(),
        };
        await sessions.AddSessionAsync(session, HttpContext.RequestAborted);
        await HttpContext.SignInAsync(OfficerSession.Scheme, OfficerSession.Principal(session));
        var officer = new Actor(link.Channel, link.UserId, link.Name, link.Language, roster.RolesOf(link.Channel, link.UserId));
        await audit.WriteAsync(officer, "signed-in", link.Channel, ct: HttpContext.RequestAborted);
        return LocalRedirect("/quantri?lang=" + (link.Language == "en" ? "en" : "vi"));
    }
}
