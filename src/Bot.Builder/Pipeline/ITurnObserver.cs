using Bot.Builder.Activities;

namespace Bot.Builder.Pipeline;

/// <summary>
/// Told when a turn handed to the <see cref="Inbox"/> ends (answered, skipped as re-delivered, or failed), with how
/// long it took from hand-over: metrics and the turn benchmark watch turns without sitting inside them. Called on the
/// turn's thread, so it must be quick and must not throw.
/// </summary>
public interface ITurnObserver
{
    void TurnEnded(Activity activity, TimeSpan elapsed, bool failed);
}
