using Bot.Builder.Activities;
using Bot.Builder.Pipeline;
using Bot.Builder.State;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Builder;

public sealed class TurnContext(
    Activity activity,
    IChannelConnector connector,
    Func<string, IChannelConnector?> connectorFor,
    Delivery delivery,
    TurnState state,
    IServiceProvider services,
    TimeProvider time) : ITurnContext
{
    internal const string PendingChoicesProperty = "engine.choices";
    private readonly List<Reply> _replies = [];
    private readonly List<Outgoing> _outgoing = [];
    private bool _overflowing;

    public Activity Activity { get; internal set; } = activity;
    public ChannelCapabilities Capabilities => connector.Capabilities;
    public TurnState State { get; } = state;
    public IServiceProvider Services { get; } = services;
    public TimeProvider Time { get; } = time;
    public IReadOnlyList<Reply> Replies => _replies;
    public bool ButtonAnswered { get; private set; }

    /// <summary>
    /// Queues the reply; it goes out when the turn's writes are committed (<see cref="FlushAsync"/>), so nothing the
    /// bot says can get ahead of what it stored. Returns null: the message id is not known yet.
    /// </summary>
    public async Task<string?> SendAsync(Reply reply, CancellationToken cancellationToken = default)
    {
        if (await PrepareAsync(reply, cancellationToken) is { } prepared) _outgoing.Add(new Outgoing(connector, Activity.Address, prepared));
        return null;
    }

    public async Task<string?> SendNowAsync(Reply reply, CancellationToken cancellationToken = default)
    {
        if (await PrepareAsync(reply, cancellationToken) is not { } prepared) return null;
        await FlushAsync(cancellationToken);
        return await DeliverAsync(new Outgoing(connector, Activity.Address, prepared), cancellationToken);
    }

    /// <summary>Commits what the turn wrote so far, then sends the queued replies in order.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (UnitOfWork.Current is { } unit) await unit.CommitAsync(cancellationToken);
        while (_outgoing.Count > 0)
        {
            var next = _outgoing[0];
            _outgoing.RemoveAt(0);
            await DeliverAsync(next, cancellationToken);
        }
    }

    /// <summary>The replies queued and not sent yet, as the channel will get them.</summary>
    internal IReadOnlyList<PendingReply> Queued => [.. _outgoing.Select(o => new PendingReply(o.To, o.Reply))];

    /// <summary>Forgets queued replies (the turn failed; an apology replaces them).</summary>
    internal void DiscardOutgoing() => _outgoing.Clear();

    private async Task<Reply?> PrepareAsync(Reply reply, CancellationToken ct)
    {
        _replies.Add(reply);
        if (await TryOverflowAsync(reply, ct)) return null;
        if (reply.Choices.Count > 0) reply = await WithChoiceButtonsAsync(reply, ct);
        if (Activity.ChatKind == ChatKind.Group && reply.ReplyToMessageId is null && reply.EditMessageId is null)
            reply = reply with { ReplyToMessageId = Activity.MessageId };
        return reply;
    }

    private async Task<string?> DeliverAsync(Outgoing o, CancellationToken ct)
    {
        try
        {
            return await delivery.SendAsync(o.Connector, o.To, o.Reply, SendPriority.Reply, ct);
        }
        catch (ChannelSendException ex) when (ex.Failure == SendFailure.Unreachable)
        {
            return null; // the member blocked the bot mid-turn: nothing to say to anyone, the turn still completes
        }
    }

    /// <summary>A long answer in a group goes where the channel's overflow puts it (its note to the group comes back through here).</summary>
    private async Task<bool> TryOverflowAsync(Reply reply, CancellationToken ct)
    {
        if (_overflowing || Activity.ChatKind != ChatKind.Group || reply.EditMessageId is not null) return false;
        var overflow = Services.GetServices<IGroupOverflow>().FirstOrDefault(o => o.Channel == Activity.Channel);
        if (overflow is null || Delivery.Adapt(Capabilities, reply).Count <= 1) return false;
        _overflowing = true;
        try
        {
            return await overflow.TrySendAsync(this, reply, ct);
        }
        finally
        {
            _overflowing = false;
        }
    }

    /// <summary>
    /// Sends at once (callers act on the outcome, e.g. a member who cannot be reached), after committing what the
    /// turn wrote so far: a notice never gets ahead of the data it announces.
    /// </summary>
    public async Task<string?> SendToAsync(ConversationAddress to, Reply reply, CancellationToken cancellationToken = default)
    {
        var target = connectorFor(to.Channel) ?? throw new InvalidOperationException($"No channel '{to.Channel}'.");
        if (UnitOfWork.Current is { } unit) await unit.CommitAsync(cancellationToken);
        return await delivery.SendAsync(target, to, reply with { Choices = [] }, SendPriority.Reply, cancellationToken);
    }

    public async Task AnswerButtonAsync(string? text = null, CancellationToken cancellationToken = default)
    {
        if (ButtonAnswered || Activity.Kind != ActivityKind.Button) return;
        ButtonAnswered = true;
        await connector.AnswerButtonAsync(Activity, text, cancellationToken);
    }

    /// <summary>
    /// Remembers the choices just offered (so "2" or a label typed later picks one, and old buttons can be told
    /// apart as expired) and, where the channel has buttons, renders them with ids as callback data.
    /// </summary>
    private async Task<Reply> WithChoiceButtonsAsync(Reply reply, CancellationToken ct)
    {
        var token = Guid.NewGuid().ToString("N")[..6];
        await State.SetAsync(StateScope.Member, PendingChoicesProperty, new PendingChoices(token, [.. reply.Choices]), ct);
        if (!Capabilities.Buttons) return reply;
        var buttons = reply.Choices.Select((c, i) => new Button(c.Label, ButtonData.Format(Activity.UserId, token, i)));
        return reply with { Buttons = [.. buttons, .. reply.Buttons] };
    }
}

internal sealed record Outgoing(IChannelConnector Connector, ConversationAddress To, Reply Reply);

internal sealed record PendingChoices(string Token, Choice[] Choices);

/// <summary>The choices last offered to this member, for free text answered outside a prompt (e.g. "2" after a menu).</summary>
public static class ChoiceMemory
{
    public static async Task<Choice?> RecallAsync(ITurnContext turn, CancellationToken ct = default)
    {
        var pending = await turn.State.GetAsync<PendingChoices>(StateScope.Member, TurnContext.PendingChoicesProperty, ct);
        return pending is null ? null : Recognizers.ChoiceRecognizer.Recognize(turn.Activity.Text, pending.Choices);
    }
}
