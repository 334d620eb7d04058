using Deque.AxeCore.Playwright;

namespace Bot.Browser.Tests;

/// <summary>
/// axe-core (embedded in Deque.AxeCore.Playwright, injected into the page: nothing is fetched) on the page as shown. One
/// run costs about a second on a quiet machine (five or more on a loaded one), so each kind of page is checked once:
/// chat, overview, pledges, broadcast progress, plans.
/// </summary>
public static class Accessibility
{
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.NotEmpty(result.Passes); // axe really ran (an empty result would pass silently)
        var violations = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(violations.Count == 0, $"{page.Url}:\n" + string.Join('\n', violations));
    }
}
