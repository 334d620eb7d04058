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
    IUnitOfWorkCommitter committer,
    IReceivedUpdates received,
    IReplyOutbox replies,
    ITurnGate gate,
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
        var connector = Connector(activity.Channel) ?? throw new InvalidOperationException($"No connector for channel '{activity.Channel}'.");
        // Other instances on the same storage wait here too: the re-delivery check below then sees their mark.
        await using var entered = await gate.EnterAsync(activity.Address.Key, $"{activity.Channel}:{activity.UserId}", ct);
        await using var scope = scopes.CreateAsyncScope();
        // Everything this turn writes (the de-duplication marker, state, records) is committed together at its end,
        // and its replies go out only after that commit.
        var unit = UnitOfWork.Begin(committer);
        string? heldKey = null;
        var state = new TurnState(store, s => StateKeys.For(s, activity));
        var turn = new TurnContext(activity, connector, Connector, delivery, state, scope.ServiceProvider, time);
        try
        {
            if (dedupKey is not null && await deduplicator.WasProcessedAsync(dedupKey, ct))
            {
                logger.LogInformation("Skipped re-delivered message {MessageId} in {Channel}:{ChatId}", activity.MessageId, activity.Channel, activity.ChatId);
                if (activity.ReceiptId is { } handled) await received.CompleteAsync(handled, ct);
                await unit.CommitAsync(ct);
                return [];
            }
            if (activity.Kind != ActivityKind.Button || await ResolveButtonAsync(turn, ct))
            {
                var middleware = scope.ServiceProvider.GetServices<ITurnMiddleware>().ToArray();
                var bot = scope.ServiceProvider.GetRequiredService<IBot>();
                await RunAsync(0);

                Task RunAsync(int i) => i < middleware.Length
                    ? middleware[i].OnTurnAsync(turn, c => RunAsync(i + 1), ct)
                    : bot.OnTurnAsync(turn, ct);
            }
            // "Handled" is written last, with the turn's final commit: a use case may commit early (a new chat, a
            // pledge), and a crash after such an early commit must leave the message to be handled again, not lost.
            if (dedupKey is not null) await deduplicator.MarkAsync(dedupKey, ct);
            if (activity.ReceiptId is { } receipt) await received.CompleteAsync(receipt, ct);
            await state.SaveChangesAsync(ct);
            // The replies are stored with what the turn stored: if the process dies before they go out, they go at the next start.
            if (turn.Queued is { Count: > 0 } queued) await replies.HoldAsync(heldKey = Guid.NewGuid().ToString("N"), queued, ct);
            await unit.CommitAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped mid-turn (shutdown): let a re-delivery after the restart be handled instead of skipped.
            unit.Discard();
            if (dedupKey is not null) await deduplicator.ForgetAsync(dedupKey, CancellationToken.None);
            await unit.CommitAsync(CancellationToken.None);
            throw;
        }
        catch (ActivityAlreadyProcessedException)
        {
            logger.LogInformation("Message {MessageId} in {Channel}:{ChatId} was handled by another instance meanwhile", activity.MessageId, activity.Channel, activity.ChatId);
            await ForgetTurnAsync(turn, unit, ct);
        }
        catch (StateConflictException ex)
        {
            // Someone else changed this state first: say sorry, keep everyone's data (nothing here loops). The turn's
            // other writes (its de-duplication marker) stay pending and are committed with the apology.
            logger.LogWarning(ex, "State conflict in {Channel}:{ChatId} for user {UserId}", activity.Channel, activity.ChatId, activity.UserId);
            // The replies held with the failed commit are replaced by the apology: drop them in the same commit.
            if (heldKey is not null) await replies.ReleaseAsync(heldKey, ct);
            await ApologiseAsync(turn, unit, dedupKey, forgetMemberState: false, ct);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Turn failed in {Channel}:{ChatId} for user {UserId}", activity.Channel, activity.ChatId, activity.UserId);
            await ApologiseAsync(turn, unit, dedupKey, forgetMemberState: true, ct);
        }
        // Committed: what delivery writes from here on (a member found unreachable) is committed on its own.
        UnitOfWork.End();
        await DeliverAsync(turn);
        if (heldKey is not null) await ReleaseAsync(heldKey);
        return turn.Replies;
    }

    /// <summary>
    /// Commits and sends the turn's replies. A reply the platform refuses cannot undo what the turn stored; the member
    /// still hears that something went wrong (if that can be sent).
    /// </summary>
    private async Task DeliverAsync(TurnContext turn)
    {
        try
        {
            await turn.FlushAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Turn failed in {Channel}:{ChatId} for user {UserId}: its replies could not be delivered", turn.Activity.Channel, turn.Activity.ChatId, turn.Activity.UserId);
            try
            {
                turn.DiscardOutgoing();
                await turn.SendAsync(texts.TurnFailed(turn), CancellationToken.None);
                await turn.FlushAsync(CancellationToken.None);
            }
            catch (Exception again)
            {
                logger.LogError(again, "Could not apologise in {Channel}:{ChatId}", turn.Activity.Channel, turn.Activity.ChatId);
            }
        }
        finally
        {
            await TryAnswerButtonAsync(turn);
        }
    }

    private async Task ReleaseAsync(string heldKey)
    {
        try
        {
            await replies.ReleaseAsync(heldKey, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Sent already: at worst the member gets this answer once more after a restart.
            logger.LogWarning(ex, "Could not release the held replies of a turn");
        }
    }

    /// <summary>Drops everything the turn wrote and said; only this instance's intake row is completed.</summary>
    private async Task ForgetTurnAsync(TurnContext turn, UnitOfWork unit, CancellationToken ct)
    {
        unit.Discard();
        turn.State.Discard();
        turn.DiscardOutgoing();
        try
        {
            if (turn.Activity.ReceiptId is { } receipt) await received.CompleteAsync(receipt, ct);
            await unit.CommitAsync(ct);
        }
        catch (Exception ex)
        {
            // Left in the intake, the update is offered again at the next start and skipped there as processed.
            logger.LogWarning(ex, "Could not complete an update another instance handled in {Channel}:{ChatId}", turn.Activity.Channel, turn.Activity.ChatId);
            unit.Discard();
        }
    }

    /// <summary>
    /// Drops what the failed turn wrote and said, and apologises. After an unexpected failure the member's conversation
    /// state is reset too, so the same failure cannot loop. The message stays marked as processed.
    /// </summary>
    private async Task ApologiseAsync(TurnContext turn, UnitOfWork unit, string? dedupKey, bool forgetMemberState, CancellationToken ct)
    {
        turn.State.Discard();
        turn.DiscardOutgoing();
        try
        {
            if (forgetMemberState)
            {
                unit.Discard();
                if (turn.Activity.ReceiptId is { } receipt) await received.CompleteAsync(receipt, ct);
                if (dedupKey is not null) await deduplicator.MarkAsync(dedupKey, ct);
                await store.DeleteAsync(StateKeys.For(StateScope.Member, turn.Activity), ct);
            }
            await unit.CommitAsync(ct);
        }
        catch (Exception ex)
        {
            // The storage itself may be what failed: the apology still goes out.
            logger.LogError(ex, "Could not store the outcome of a failed turn in {Channel}:{ChatId}", turn.Activity.Channel, turn.Activity.ChatId);
            unit.Discard();
        }
        try
        {
            await turn.SendAsync(texts.TurnFailed(turn), ct);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not apologise in {Channel}:{ChatId}", turn.Activity.Channel, turn.Activity.ChatId);
        }
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
