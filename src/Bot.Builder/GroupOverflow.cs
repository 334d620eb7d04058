using Bot.Builder.Activities;

namespace Bot.Builder;

/// <summary>
/// A channel's way to keep a group readable: an answer to a group message that would take several messages
/// can go elsewhere (e.g. the asker's private chat), with a short note left in the group.
/// </summary>
public interface IGroupOverflow
{
    string Channel { get; }

    /// <summary>Delivers the long reply its own way and returns true, or returns false to send it to the group as usual.</summary>
    Task<bool> TrySendAsync(ITurnContext turn, Reply reply, CancellationToken cancellationToken);
}
