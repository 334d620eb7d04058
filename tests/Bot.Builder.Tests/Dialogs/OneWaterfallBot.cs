using Bot.Builder.Activities;
using Bot.Builder.Dialogs;
using Bot.Builder.Pipeline;
using Bot.Builder.Prompts;
using Bot.Builder.State;
using Bot.Builder.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Builder.Tests.Dialogs;

/// <summary>
/// A bot of one waterfall "notes" with a text prompt, on a memory store and a test channel: "/go" begins it, any other
/// text continues it. The plumbing the waterfall tests share; each test class brings its steps.
/// </summary>
public abstract class OneWaterfallBot<TValues> : IBot, IEngineTexts, IInterruptionResponder where TValues : class, new()
{
    private readonly TestConnector _connector = new("test", new ChannelCapabilities());
    private readonly ServiceProvider _services;
    private DialogRunner? _runner;

    protected OneWaterfallBot()
    {
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider())
            .AddSingleton<IStateStore>(new MemoryStateStore())
            .AddSingleton<IChannelConnector>(_connector)
            .AddSingleton<IEngineTexts>(this)
            .AddSingleton<IBot>(this)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddTurnPipeline();
        _services = services.BuildServiceProvider();
    }

    /// <summary>The waterfall's steps; read once, at the first turn (a derived class's fields are set by then).</summary>
    protected abstract WaterfallStep<TValues>[] Steps { get; }

    /// <summary>A conversation in chat "c1" with user "u1".</summary>
    protected TestFlow Flow() => new(a => _services.GetRequiredService<TurnPipeline>().ProcessAsync(a), _connector,
        new Activity { Channel = "test", ChatId = "c1", UserId = "u1" }, new FakeTimeProvider());

    async Task IBot.OnTurnAsync(ITurnContext turn, CancellationToken ct)
    {
        _runner ??= new DialogRunner(new DialogSet().Add(new WaterfallDialog<TValues>("notes", Steps)).Add(new TextPrompt("text")), this);
        if (turn.Activity.Text == "/go") await _runner.BeginAsync(turn, "notes", null, ct);
        else await _runner.ContinueAsync(turn, ct);
    }

    string IEngineTexts.TurnFailed(ITurnContext turn) => "sorry";
    string IEngineTexts.ButtonExpired(ITurnContext turn) => "expired";
    string IEngineTexts.ButtonNotYours(ITurnContext turn) => "not yours";
    Task IInterruptionResponder.OnCancelledAsync(ITurnContext turn, CancellationToken ct) => Task.CompletedTask;
    Task IInterruptionResponder.OnHelpAsync(ITurnContext turn, DialogInstance active, CancellationToken ct) => Task.CompletedTask;
    Task IInterruptionResponder.OnCannotGoBackAsync(ITurnContext turn, CancellationToken ct) => Task.CompletedTask;
    Task IInterruptionResponder.OnStaleStackAsync(ITurnContext turn, CancellationToken ct) => Task.CompletedTask;
}
