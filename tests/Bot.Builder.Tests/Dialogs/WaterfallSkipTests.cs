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

/// <summary>A step that changes its values and then skips ahead must hand those changes to the steps after it.</summary>
public class WaterfallSkipTests : IBot, IEngineTexts, IInterruptionResponder
{
    private readonly DialogRunner _runner;
    private readonly TestConnector _connector = new("test", new ChannelCapabilities());
    private readonly ServiceProvider _services;

    public WaterfallSkipTests()
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
        var steps = new WaterfallDialog<Notes>("notes", [Mark, SkipAndMark, Ask, Show]);
        _runner = new DialogRunner(new DialogSet().Add(steps).Add(new TextPrompt("text")), this);
    }

    private sealed class Notes
    {
        public List<string> Seen { get; set; } = [];
    }

    [Fact]
    public async Task ValuesChangedBeforeSkippingAheadReachTheLaterSteps()
    {
        var flow = new TestFlow(a => _services.GetRequiredService<TurnPipeline>().ProcessAsync(a), _connector,
            new Activity { Channel = "test", ChatId = "c1", UserId = "u1" }, new FakeTimeProvider());
        await flow.Send("/go").AssertReply("asking after mark,skip")
            .Send("answer").AssertReply("seen mark,skip,ask,answer");
    }

    private static Task<DialogTurnResult> Mark(WaterfallStepContext<Notes> step, CancellationToken ct)
    {
        step.Values.Seen.Add("mark");
        return step.NextAsync(null, ct);
    }

    private static Task<DialogTurnResult> SkipAndMark(WaterfallStepContext<Notes> step, CancellationToken ct)
    {
        step.Values.Seen.Add("skip");
        return step.NextAsync(null, ct);
    }

    private static Task<DialogTurnResult> Ask(WaterfallStepContext<Notes> step, CancellationToken ct)
    {
        var prompt = $"asking after {string.Join(',', step.Values.Seen)}";
        step.Values.Seen.Add("ask");
        return step.PromptAsync("text", new PromptOptions { Prompt = prompt }, ct);
    }

    private static async Task<DialogTurnResult> Show(WaterfallStepContext<Notes> step, CancellationToken ct)
    {
        step.Values.Seen.Add((string)step.Result!);
        await step.Context.SendAsync($"seen {string.Join(',', step.Values.Seen)}", ct);
        return await step.EndDialogAsync(null, ct);
    }

    async Task IBot.OnTurnAsync(ITurnContext turn, CancellationToken ct)
    {
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
