using Bot.Broadcasts;
using Bot.Members;
using Bot.Web.Audit;
using Bot.Web.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Web.Dashboard;

/// <summary>One broadcast: its message, live counts (server-sent events from <see cref="BroadcastEvents"/>) and "stop".</summary>
public sealed class BroadcastModel(BroadcastService broadcasts, OfficerAudit audit) : PageModel
{
    public BroadcastStatus? Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        Status = await broadcasts.ProgressAsync(Officer(), id, HttpContext.RequestAborted);
        return Status is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostStopAsync(int id)
    {
        var officer = Officer();
        if (await broadcasts.StopAsync(officer, id, HttpContext.RequestAborted))
            await audit.WriteAsync(officer, "broadcast-stopped", $"#{id}", ct: HttpContext.RequestAborted);
        return LocalRedirect($"/quantri/thongbao/{id}");
    }

    private Actor Officer() => OfficerSession.Actor(HttpContext) ?? throw new NotAllowedException("use the dashboard");
}
