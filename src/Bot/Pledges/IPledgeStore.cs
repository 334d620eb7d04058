namespace Bot.Pledges;

/// <summary>
/// The pledges, owned by the pledges feature. One pledge per member and plan (its Slot); every update is conditional on
/// the version the writer read, so a member and an officer changing the same pledge at once cannot overwrite each other.
/// </summary>
public interface IPledgeStore
{
    Task<Pledge?> FindAsync(int id, CancellationToken cancellationToken = default);

    Task<Pledge?> FindAsync(string channel, string userId, string planId, CancellationToken cancellationToken = default);

    /// <summary>The member's pledges, newest first.</summary>
    Task<IReadOnlyList<Pledge>> ForMemberAsync(string channel, string userId, CancellationToken cancellationToken = default);

    /// <summary>Pledges of one plan, or of every plan when <paramref name="planId"/> is null, oldest first.</summary>
    Task<IReadOnlyList<Pledge>> AllAsync(string? planId = null, CancellationToken cancellationToken = default);

    /// <summary>Pledges created, edited or withdrawn after <paramref name="since"/>, oldest first (the officers' digest).</summary>
    Task<IReadOnlyList<Pledge>> ChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Stores a new pledge at version 1 and gives it its id; on disk when this returns.</summary>
    /// <exception cref="DuplicatePledgeException">The member already has a pledge for this plan.</exception>
    Task<Pledge> InsertAsync(Pledge pledge, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the whole pledge if the stored one still has <see cref="Pledge.Version"/>, and raises the version; on disk
    /// when this returns. False when someone else wrote first or the pledge is gone: nothing is written.
    /// </summary>
    Task<bool> TryUpdateAsync(Pledge pledge, CancellationToken cancellationToken = default);

    /// <summary>Deletes every pledge of the member; returns how many there were.</summary>
    Task<int> DeleteMemberAsync(string channel, string userId, CancellationToken cancellationToken = default);
}

public sealed class DuplicatePledgeException(Exception? inner = null) : Exception("The member already has a pledge for this plan.", inner);
