using Bot.Builder.Recognizers;
using Bot.Pledges;

namespace Bot.Broadcasts.Audience;

/// <summary>
/// Members by their active (not withdrawn) pledges: those registered for a plan, or whose pledge names a unit.
/// Units are compared without case and diacritics ("tổ cơ khí" is "Tổ Cơ khí"). The list offered to officers is
/// capped: a federation can have hundreds of units, and a choice of hundreds of buttons helps nobody.
/// </summary>
public sealed class PledgeAudienceFilter(IPledgeStore pledges) : IAudienceFilter
{
    public const int MaxUnitsOffered = 30;

    public async Task<bool> AvailableAsync(CancellationToken cancellationToken = default) => (await ActiveAsync(cancellationToken)).Any();

    public async Task<IReadOnlyList<string>> UnitsAsync(CancellationToken cancellationToken = default) =>
    [
        .. (await ActiveAsync(cancellationToken)).Where(p => p.Unit.Trim().Length > 0)
            .GroupBy(p => VietnameseText.Fold(p.Unit))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(MaxUnitsOffered)
            .Select(g => g.First().Unit.Trim()),
    ];

    public async Task<IReadOnlySet<string>> PrivateChatsAsync(string? planId, string? unit, CancellationToken cancellationToken = default)
    {
        var wanted = unit is null ? null : VietnameseText.Fold(unit);
        return (await ActiveAsync(cancellationToken))
            .Where(p => planId is null || p.PlanId == planId)
            .Where(p => wanted is null || VietnameseText.Fold(p.Unit) == wanted)
            .Where(p => p.PrivateChatId.Length > 0)
            .Select(p => $"{p.Channel}:{p.PrivateChatId}")
            .ToHashSet(StringComparer.Ordinal);
    }

    private async Task<IEnumerable<Pledge>> ActiveAsync(CancellationToken ct) => (await pledges.AllAsync(null, ct)).Where(p => p.IsActive);
}
