using Bot.Pledges;

namespace Bot.Web.Dashboard;

/// <summary>
/// The pledges page's filter, sort and page, as they stand in its address (so a filtered view can be bookmarked,
/// shared and exported as shown). Everything is applied to the pledges the officer may see, never to others.
/// </summary>
public sealed record PledgeQuery
{
    public const int PageSize = 25;
    public static readonly string[] Sorts = ["updated", "id", "name", "unit", "title", "status"];

    public string? Q { get; init; }
    public string? Plan { get; init; }
    public string? Unit { get; init; }
    public string? Title { get; init; }
    public PledgeStatus? Status { get; init; }
    public string Sort { get; init; } = "updated";
    public bool Desc { get; init; } = true;
    public int Page { get; init; } = 1;

    public static PledgeQuery From(IQueryCollection q) => new()
    {
        Q = Trimmed(q["q"]),
        Plan = Trimmed(q["plan"]),
        Unit = Trimmed(q["unit"]),
        Title = Trimmed(q["title"]),
        Status = Enum.TryParse<PledgeStatus>(q["status"], out var s) && Enum.IsDefined(s) ? s : null,
        Sort = Sorts.Contains(q["sort"].ToString()) ? q["sort"].ToString() : "updated",
        Desc = q["dir"] != "asc",
        Page = int.TryParse(q["page"], out var p) && p > 0 ? p : 1,
    };

    /// <summary>Filters and sorts; search and unit ignore case, spacing and diacritics as members type them.</summary>
    public IReadOnlyList<Pledge> Apply(IEnumerable<Pledge> pledges)
    {
        var rows = pledges;
        if (Q is { } q)
        {
            var key = Folded(q);
            rows = rows.Where(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == q
                                   || Folded($"{p.FullName} {p.Unit} {p.Position}").Contains(key, StringComparison.Ordinal));
        }
        if (Plan is { } plan) rows = rows.Where(p => p.PlanId == plan);
        if (Unit is { } unit) rows = rows.Where(p => Folded(p.Unit) == Folded(unit));
        if (Title is { } title) rows = rows.Where(p => p.TitleId == title);
        if (Status is { } status) rows = rows.Where(p => p.Status == status);
        Func<Pledge, object> key2 = Sort switch
        {
            "id" => p => p.Id,
            "name" => p => Folded(p.FullName),
            "unit" => p => Folded(p.Unit),
            "title" => p => p.TitleId,
            "status" => p => p.Status,
            _ => p => p.UpdatedAt,
        };
        var sorted = Desc ? rows.OrderByDescending(key2).ThenByDescending(p => p.Id) : rows.OrderBy(key2).ThenBy(p => p.Id);
        return [.. sorted];
    }

    /// <summary>This query's address with some values changed (null removes one).</summary>
    public string Link(string path, params (string Name, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Q, ["plan"] = Plan, ["unit"] = Unit, ["title"] = Title, ["status"] = Status?.ToString(),
            ["sort"] = Sort == "updated" ? null : Sort, ["dir"] = Desc ? null : "asc", ["page"] = Page == 1 ? null : Page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in changes) values[name] = value;
        var query = string.Join('&', values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
        return query.Length == 0 ? path : $"{path}?{query}";
    }

    public static string Folded(string? text) => string.Join(' ', Builder.Recognizers.VietnameseText.Words(text));

    private static string? Trimmed(Microsoft.Extensions.Primitives.StringValues v) =>
        v.ToString().Trim() is { Length: > 0 and <= 200 } s ? s : null;
}
