using System.Collections.Concurrent;
using TagList = System.Diagnostics.TagList;
using System.Diagnostics.Metrics;

namespace Bot.Operations;

/// <summary>
/// The bot's one meter: what features count for the operator (Prometheus /metrics when Operations:Metrics is on).
/// Labels are channels, kinds and outcomes only: never a user, chat, name or text. Counters cost an add each; nothing
/// here allocates per turn beyond the tag list on the stack.
/// </summary>
public sealed class BotMetrics : IDeliveryMeter
{
    public const string MeterName = "Bot";

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _turnErrors;
    private readonly Counter<long> _faq;
    private readonly Counter<long> _pledges;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _sendFailures;
    private readonly Counter<long> _errors;
    private readonly ConcurrentDictionary<object, Func<int>> _outboxes = new();

    public BotMetrics(IMeterFactory factory)
    {
        var meter = factory.Create(MeterName);
        _turns = meter.CreateCounter<long>("bot.turns", "{turn}", "Turns handled, by channel and kind (command, text, button, …)");
        _turnDuration = meter.CreateHistogram<double>("bot.turn.duration", "s", "Time from a turn's start to its replies being handed over (before its commit)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _turnErrors = meter.CreateCounter<long>("bot.turn.errors", "{turn}", "Turns that failed (the member got the apology)");
        _faq = meter.CreateCounter<long>("bot.faq.questions", "{question}", "Questions by outcome: answered, suggested (did you mean), declined");
        _pledges = meter.CreateCounter<long>("bot.pledges", "{pledge}", "Pledges registered or updated, by channel");
        _sent = meter.CreateCounter<long>("bot.messages.sent", "{message}", "Messages the platforms accepted, by channel (rate() gives messages per second)");
        _rateLimited = meter.CreateCounter<long>("bot.send.rate_limited", "{response}", "429 Too Many Requests answers, by channel");
        _sendFailures = meter.CreateCounter<long>("bot.send.failures", "{message}", "Sends that failed, by channel and reason");
        _errors = meter.CreateCounter<long>("bot.errors", "{entry}", "Errors logged (Error and Critical), by component");
        meter.CreateObservableGauge("bot.outbox.pending", () => _outboxes.Values.Sum(f => f()), "{message}", "Broadcast messages waiting to be sent");
    }

    public void Turn(Activity activity, TimeSpan duration, bool failed)
    {
        var tags = new TagList { { "channel", activity.Channel }, { "kind", Kind(activity) } };
        _turns.Add(1, tags);
        _turnDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("channel", activity.Channel));
        if (failed) _turnErrors.Add(1, new KeyValuePair<string, object?>("channel", activity.Channel));
    }

    public void FaqQuestion(Faq.FaqOutcome outcome, string language) =>
        _faq.Add(1, new("outcome", outcome switch { Faq.FaqOutcome.Answer => "answered", Faq.FaqOutcome.DidYouMean => "suggested", _ => "declined" }), new("language", language));

    public void Pledge(string channel, bool updated) => _pledges.Add(1, new("channel", channel), new("action", updated ? "updated" : "registered"));

    public void Error(string component) => _errors.Add(1, new KeyValuePair<string, object?>("component", component));

    /// <summary>Counts a running broadcast's remaining messages in the outbox depth until the returned handle is disposed.</summary>
    public IDisposable TrackOutbox(Func<int> remaining)
    {
        var key = new object();
        _outboxes[key] = remaining;
        return new Untrack(() => _outboxes.TryRemove(key, out _));
    }

    void IDeliveryMeter.Sent(ConversationAddress to) => _sent.Add(1, new KeyValuePair<string, object?>("channel", to.Channel));

    void IDeliveryMeter.RateLimited(ConversationAddress to) => _rateLimited.Add(1, new KeyValuePair<string, object?>("channel", to.Channel));

    void IDeliveryMeter.Failed(ConversationAddress to, Exception failure) =>
        _sendFailures.Add(1, new("channel", to.Channel), new("reason", failure is ChannelSendException send ? Reason(send.Failure) : "error"));

    private static string Kind(Activity activity) => activity.Kind switch
    {
        ActivityKind.Message => activity.Text?.StartsWith('/') == true ? "command" : "text",
        ActivityKind.Button => "button",
        ActivityKind.BotAdded => "bot_added",
        ActivityKind.BotRemoved => "bot_removed",
        _ => "unsupported",
    };

    private static string Reason(SendFailure failure) => failure switch
    {
        SendFailure.RateLimited => "rate_limited",
        SendFailure.Unreachable => "unreachable",
        SendFailure.Migrated => "migrated",
        SendFailure.Transient => "transient",
        SendFailure.Permanent => "permanent",
        _ => "other",
    };

    private sealed class Untrack(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
