using System.Globalization;
using System.Text;
using Bot.Content;

namespace Bot.Pledges.Digest;

public enum DigestKind { New, Changed, Withdrawn }

/// <summary>One pledge in a digest: what happened to it in the period.</summary>
public sealed record DigestItem(Pledge Pledge, DigestKind Kind);

/// <summary>The digest message: the period, then per plan the counts, a capped list and where to see the rest.</summary>
public sealed class PledgeDigestComposer(PledgeSummary summary, Texts texts, PlanCalendar calendar, IOptions<PledgeDigestOptions> options)
{
    public string Compose(string lang, IReadOnlyList<DigestItem> items, DateTimeOffset from, DateTimeOffset until)
    {
        var sb = new StringBuilder(texts.Get(lang, "pledge-digest.header", ("from", Local(from)), ("until", Local(until))));
        foreach (var plan in items.GroupBy(i => i.Pledge.PlanId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append("\n\n").Append(texts.Get(lang, "pledge-digest.plan", ("plan", summary.PlanTitle(lang, plan.Key))));
            sb.Append('\n').Append(texts.Get(lang, "pledge-digest.counts",
                ("new", plan.Count(i => i.Kind == DigestKind.New)),
                ("changed", plan.Count(i => i.Kind == DigestKind.Changed)),
                ("withdrawn", plan.Count(i => i.Kind == DigestKind.Withdrawn))));
            var listed = plan.OrderBy(i => i.Kind).ThenBy(i => i.Pledge.UpdatedAt).Take(options.Value.MaxItems).ToList();
            foreach (var (p, kind) in listed)
                sb.Append('\n').Append(texts.Get(lang, $"pledge-digest.line-{kind.ToString().ToLowerInvariant()}",
                    ("id", p.Id), ("name", p.FullName), ("unit", p.Unit), ("title", summary.TitleName(lang, p.TitleId))));
            if (plan.Count() > listed.Count)
                sb.Append('\n').Append(texts.Get(lang, "pledge-digest.more", ("count", plan.Count() - listed.Count)));
            sb.Append('\n').Append(texts.Get(lang, "pledge-digest.footer", ("plan", plan.Key)));
        }
        return sb.ToString();
    }

    private string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, calendar.Zone).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
}
