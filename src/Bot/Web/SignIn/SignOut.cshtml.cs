using System.Security.Claims;
using Bot.Web.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Web.SignIn;

/// <summary>Ends the session on the server (the cookie alone is no longer enough) and removes the cookie.</summary>
public sealed class SignOutModel(ISignInStore sessions, OfficerAudit audit, TimeProvider time) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await HttpContext.AuthenticateAsync(OfficerSession.Scheme);
        if (result.Principal?.FindFirstValue(OfficerSession.SessionClaim) is { } sid)
        {
            if (OfficerSession.Actor(HttpContext) is { } officer) await audit.WriteAsync(officer, "signed-out", officer.Channel, ct: HttpContext.RequestAborted);
            await sessions.EndSessionAsync(sid, time.GetUtcNow(), HttpContext.RequestAborted);
        }
        await HttpContext.SignOutAsync(OfficerSession.Scheme);
        return RedirectToPage();
    }
}
