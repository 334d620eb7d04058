using Bot.Web.Audit;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Web.Dashboard;

/// <summary>Every officer action on the dashboard, newest first (who, what, on what, when).</summary>
public sealed class AuditLogModel(IAuditLog log) : PageModel
{
    public const int PageSize = 50;
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int Pages { get; private set; } = 1;

    public async Task OnGetAsync(int? page)
    {
        var total = await log.CountAsync(HttpContext.RequestAborted);
        Pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(page ?? 1, 1, Pages);
        Entries = await log.RecentAsync((PageNumber - 1) * PageSize, PageSize, HttpContext.RequestAborted);
    }
}
