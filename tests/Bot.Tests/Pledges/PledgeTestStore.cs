using Bot.Pledges;

namespace Bot.Tests.Pledges;

/// <summary>
/// The pledge store as transcripts use it: arrange and check in one line. The LiteDB store completes at once, so
/// waiting here cannot block a turn.
/// </summary>
public sealed class PledgeTestStore(IPledgeStore store)
{
    public IPledgeStore Store => store;

    public Pledge? Find(int id) => store.FindAsync(id).GetAwaiter().GetResult();

    public Pledge? Find(string channel, string userId, string planId) => store.FindAsync(channel, userId, planId).GetAwaiter().GetResult();

    public IReadOnlyList<Pledge> ForMember(string channel, string userId) => store.ForMemberAsync(channel, userId).GetAwaiter().GetResult();

    public IReadOnlyList<Pledge> All(string? planId = null) => store.AllAsync(planId).GetAwaiter().GetResult();

    public Pledge Insert(Pledge pledge) => store.InsertAsync(pledge).GetAwaiter().GetResult();

    public bool TryUpdate(Pledge pledge) => store.TryUpdateAsync(pledge).GetAwaiter().GetResult();

    /// <summary>Inserts a new pledge, or updates a read one (throws when someone wrote meanwhile).</summary>
    public Pledge Save(Pledge pledge)
    {
        if (pledge.Id == 0) return store.InsertAsync(pledge).GetAwaiter().GetResult();
        return TryUpdate(pledge) ? pledge : throw new InvalidOperationException($"Pledge {pledge.Id} was changed or deleted meanwhile.");
    }
}
