using Bot.Members;
using Bot.Pledges;
using Bot.Web.Audit;
using Bot.Web.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Web.Dashboard;

/// <summary>
/// The registration list: search, filter, sort, page; approve, return with a reason, approve many; download the
/// filtered list as the registration-list .xlsx. Every action goes through <see cref="PledgeService"/> as the
/// signed-in officer, whose rights are checked there again.
/// </summary>
public sealed class PledgesModel(
    PledgeService pledges, PledgeDecisions decisions, PledgeSummary summary, PledgeContent form, Content.BotContent content,
    PledgeSheet sheet, ExportFileName names, OfficerAudit audit, TimeProvider time) : PageModel
{
    public PledgeQuery Query { get; private set; } = new();
    public IReadOnlyList<Pledge> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages { get; private set; }
    public IReadOnlyList<string> Units { get; private set; } = [];
    public IReadOnlyList<(string Id, string Name)> Titles { get; private set; } = [];
    public IReadOnlyList<(string Id, string Name)> Plans { get; private set; } = [];
    public PledgeSummary Summary => summary;

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Problem { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var officer = Officer();
        Query = PledgeQuery.From(Request.Query);
        if (await VisibleAsync(officer) is not { } visible) return Forbid();
        var lang = officer.Language;
        Units = [.. visible.GroupBy(p => PledgeQuery.Folded(p.Unit)).Select(g => g.First().Unit).Order(StringComparer.Ordinal)];
        Titles = [.. form.Form.Titles.Select(t => (t.Id, t.Name.For(lang)))];
        Plans = [.. content.Plans.Where(p => officer.IsOfficerOf(p.Id)).Select(p => (p.Id, p.Title.For(lang)))];
        var filtered = Query.Apply(visible);
        Total = filtered.Count;
        Pages = Math.Max(1, (Total + PledgeQuery.PageSize - 1) / PledgeQuery.PageSize);
        Query = Query with { Page = Math.Min(Query.Page, Pages) };
        Rows = [.. filtered.Skip((Query.Page - 1) * PledgeQuery.PageSize).Take(PledgeQuery.PageSize)];
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, long version, string? back) =>
        await DecideAsync(id, null, version, back);

    public async Task<IActionResult> OnPostReturnAsync(int id, long version, string? reason, string? back)
    {
        reason = reason?.Trim();
        if (reason is null || reason.Length < PledgeReview.MinReason || reason.Length > PledgeReview.MaxReason)
        {
            Problem = Text("reason-length", ("min", PledgeReview.MinReason), ("max", PledgeReview.MaxReason));
            return Back(back);
        }
        return await DecideAsync(id, reason, version, back);
    }

    public async Task<IActionResult> OnPostBulkApproveAsync(int[] ids, string? back)
    {
        if (ids.Length == 0)
        {
            Problem = Text("bulk-none");
            return Back(back);
        }
        var results = await decisions.ApproveAllAsync(Officer(), ids, HttpContext.RequestAborted);
        var done = results.Count(r => r.Outcome == PledgeOutcome.Done);
        Notice = Text("bulk-done", ("approved", done), ("told", results.Count(r => r.MemberTold)));
        if (done < results.Count) Problem = Text("bulk-skipped", ("count", results.Count - done));
        return Back(back);
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var officer = Officer();
        Query = PledgeQuery.From(Request.Query);
        if (await VisibleAsync(officer) is not { } visible) return Forbid();
        // The registration list holds active pledges only, as /xuat does.
        var rows = Query.Apply(visible).Where(p => p.IsActive).ToList();
        if (rows.Count == 0)
        {
            Problem = Text("export-empty");
            return LocalRedirect(Query.Link("/quantri/dangky"));
        }
        var scope = new ExportScope(Query.Plan is { } plan ? content.FindPlan(plan) : null, Query.Unit, rows, time.GetUtcNow());
        var fileName = names.For(officer.Language, scope);
        await audit.WriteAsync(officer, "exported", fileName, rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), HttpContext.RequestAborted);
        return File(sheet.Build(officer.Language, scope), PledgeExport.ContentType, fileName);
    }

    private async Task<IActionResult> DecideAsync(int id, string? reason, long version, string? back)
    {
        DecisionResult result;
        try
        {
            result = await decisions.DecideAsync(Officer(), id, reason, version, HttpContext.RequestAborted);
        }
        catch (NotAllowedException)
        {
            return Forbid();
        }
        if (result.Outcome == PledgeOutcome.Done)
            Notice = Text(reason is null ? "decided-approved" : "decided-returned", ("id", id)) + " " + Text(result.MemberTold ? "member-told" : "member-not-told");
        else
            Problem = Text(result.Outcome switch
            {
                PledgeOutcome.NotFound => "decision-not-found",
                PledgeOutcome.NotActive => "decision-not-active",
                _ => "decision-conflict",
            }, ("id", id));
        return Back(back);
    }

    /// <summary>The pledges this officer may see for the chosen plan; null when the plan is not theirs.</summary>
    private async Task<IReadOnlyList<Pledge>?> VisibleAsync(Actor officer)
    {
        try
        {
            return await pledges.ListAsync(officer, Query.Plan, HttpContext.RequestAborted);
        }
        catch (NotAllowedException)
        {
            return null;
        }
    }

    private Actor Officer() => OfficerSession.Actor(HttpContext) ?? throw new NotAllowedException("use the dashboard");

    private string Text(string key, params (string Name, object? Value)[] args) =>
        HttpContext.RequestServices.GetRequiredService<WebText>().Get(key, args);

    /// <summary>Back to the list as the officer filtered it (only a local address is followed).</summary>
    private IActionResult Back(string? back) =>
        LocalRedirect(back is not null && back.StartsWith("/quantri/dangky", StringComparison.Ordinal) ? back : "/quantri/dangky");
}
