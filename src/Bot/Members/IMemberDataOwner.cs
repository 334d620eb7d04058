namespace Bot.Members;

/// <summary>A member to forget: their id in a channel and every chat of that channel they may have state in.</summary>
public sealed record MemberRef(string Channel, string UserId, IReadOnlyList<string> ChatIds);

/// <summary>
/// A feature that stores personal data implements this and erases its own data (Decree 13/2023); the members feature
/// coordinates the request. No feature touches another feature's storage.
/// </summary>
public interface IMemberDataOwner
{
    /// <summary>Erases (or anonymises) what this feature keeps about the member; returns how many records it changed.</summary>
    Task<int> EraseAsync(MemberRef member, CancellationToken cancellationToken);
}
