namespace Bot.Builder.Pipeline;

/// <summary>
/// A channel's way back in for an update it stored earlier (<see cref="IReceivedUpdates"/>): reads the payload and hands
/// it over as if it had just arrived, its stored copy removed by the turn. Lets the <see cref="StrandedUpdateTaker"/>
/// route a claimed update by channel without knowing any platform's format.
/// </summary>
public interface IStoredUpdateHandler
{
    string Channel { get; }

    Task HandOverStoredAsync(ReceivedUpdate update, CancellationToken cancellationToken);
}
