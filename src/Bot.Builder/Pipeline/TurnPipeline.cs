using Bot.Builder.Activities;
using Bot.Builder.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Builder.Pipeline;

/// <summary>
/// Every inbound activity from every channel goes through here: de-duplication, per-conversation ordering,
/// button resolution, middleware, the bot, saving state, and error handling in one place.
/// </summary>
public sealed class TurnPipeline(
    IEnumerable<IChannelConnector> connectors,
    IStateStore store,
    IActivityDeduplicator deduplicator,
    Delivery delivery,
    IEngineTexts texts,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<TurnPipeline> logger)
{
    private readonly Dictionary<string, IChannelConnector> _connectors =
        connectors.ToDictionary(c => c.Channel, StringComparer.OrdinalIgnoreCase);
    private readonly ConversationQueue _queue = new();
    private readonly ConversationQueue _users = new();

    public IChannelConnector? Connector(string channel) => _connectors.GetValueOrDefault(channel);

    /// <summary>Queues the turn behind earlier turns of the same conversation; returns what the bot sent.</summary>
    public Task<IReadOnlyList<Reply>> ProcessAsync(Activity activity, CancellationToken cancellationToken = default) =>
        // Per conversation first (order), then per user: user-scope state is shared by a member's group and private
        // chats, so two of their turns must not run at once. Each turn holds one key per queue, so no cycle can form.
        _queue.Enqueue(activity.Address.Key, () =>
            _users.Enqueue($"{activity.Channel}:{activity.UserId}", () => RunTurnAsync(activity, cancellationToken)));

    private async Task<IReadOnlyList<Reply>> RunTurnAsync(Activity activity, CancellationToken ct)
    {
        var dedupKey = activity.MessageId is null ? null : $"{activity.Channel}:{activity.ChatId}:{activity.MessageId}";
        if (dedupKey is not null && !await deduplicator.TryMarkAsync(dedupKey, ct))
        {
            logger.LogInformation("Skipped re-delivered message {MessageId} in {Channel}:{ChatId}", activity.MessageId, activity.Channel, activity.ChatId);
            return [];
        }

        var connector = Connector(activity.Channel) ?? throw new InvalidOperationException($"No connector for channel '{activity.Channel}'.");
        await using var scope = scopes.CreateAsyncScope();
        var state = new TurnState(store, s => StateKeys.For(s, activity));
        var turn = new TurnContext(activity, connector, Connector, delivery, state, scope.ServiceProvider, time);
        try
        {
            if (activity.Kind == ActivityKind.Button && !await ResolveButtonAsync(turn, ct)) return turn.Replies;
            var middleware = scope.ServiceProvider.GetServices<ITurnMiddleware>().ToArray();
            var bot = scope.ServiceProvider.GetRequiredService<IBot>();
            await RunAsync(0);
            await state.SaveChangesAsync(ct);

            Task RunAsync(int i) => i < middleware.Length
                ? middleware[i].OnTurnAsync(turn, c => RunAsync(i + 1), ct)
                : bot.OnTurnAsync(turn, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped mid-turn (shutdown): let a re-delivery after the restart be handled instead of skipped.
            if (dedupKey is not null) await deduplicator.ForgetAsync(dedupKey, CancellationToken.None);
            throw;
        }
        catch (StateConflictException ex)
        {
            // Someone else changed this state first: say sorry, keep everyone's data (nothing here loops).
            logger.LogWarning(ex, "State conflict in {Channel}:{ChatId} for user {UserId}", activity.Channel, activity.ChatId, activity.UserId);
            turn.State.Discard();
            await turn.SendAsync(texts.TurnFailed(turn), ct);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Turn failed in {Channel}:{ChatId} for user {UserId}", activity.Channel, activity.ChatId, activity.UserId);
            await RecoverAsync(turn, ct);
        }
        finally
        {
            await TryAnswerButtonAsync(turn);
        }
        return turn.Replies;
    }

    /// <summary>Turns a choice button press into the choice's value as text, or answers "expired" / "not yours".</summary>
    private async Task<bool> ResolveButtonAsync(TurnContext turn, CancellationToken ct)
    {
        var data = ButtonData.Parse(turn.Activity.ButtonData);
        if (data is null) return true; // an application button (e.g. "menu:..."): the bot reads ButtonData itself
        if (!data.IsOwnedBy(turn.Activity.UserId))
        {
            await turn.AnswerButtonAsync(texts.ButtonNotYours(turn), ct);
            return false;
        }
        var pending = await turn.State.GetAsync<PendingChoices>(StateScope.Member, TurnContext.PendingChoicesProperty, ct);
        if (pending is null || pending.Token != data.Token || data.Index < 0 || data.Index >= pending.Choices.Length)
        {
            await turn.AnswerButtonAsync(texts.ButtonExpired(turn), ct);
            return false;
        }
        // One press per offer: a second press of the same button is "expired".
        await turn.State.RemoveAsync(StateScope.Member, TurnContext.PendingChoicesProperty, ct);
        await turn.AnswerButtonAsync(null, ct);
        turn.Activity = turn.Activity with { Kind = ActivityKind.Message, Text = pending.Choices[data.Index].Value };
        return true;
    }

    /// <summary>Apologise and reset only this member's conversation state, so the same failure cannot loop.</summary>
    private async Task RecoverAsync(TurnContext turn, CancellationToken ct)
    {
        turn.State.Discard();
        try
        {
            await store.DeleteAsync(StateKeys.For(StateScope.Member, turn.Activity), ct);
            await turn.SendAsync(texts.TurnFailed(turn), ct);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not apologise in {Channel}:{ChatId}", turn.Activity.Channel, turn.Activity.ChatId);
        }
    }

    private async Task TryAnswerButtonAsync(TurnContext turn)
    {
        try
        {
            await turn.AnswerButtonAsync(null, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not answer a button press in {Channel}:{ChatId}", turn.Activity.Channel, turn.Activity.ChatId);
        }
    }
}
