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
/// The contract a dialog's state keeps (docs/throughput.md, round 5): what is written is a snapshot, what is read is a
/// copy of its own. The state types are mutable (a waterfall's values), so a cache that handed out one shared object
/// would let a change reach the stored state without a write; these tests are what such a cache must still pass.
/// </summary>
public class DialogStateSnapshotTests : IBot, IEngineTexts, IInterruptionResponder
{
    private static readonly TimeProvider Clock = new FakeTimeProvider();
    private readonly TestConnector _connector = new("test", new ChannelCapabilities());
    private readonly ServiceProvider _services;
    private readonly DialogRunner _runner;
    private Notes? _leaked;

    public DialogStateSnapshotTests()
    {
        var services = new ServiceCollection()
            .AddSingleton(Clock)
            .AddSingleton<IStateStore>(new MemoryStateStore())
            .AddSingleton<IChannelConnector>(_connector)
            .AddSingleton<IEngineTexts>(this)
            .AddSingleton<IBot>(this)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddTurnPipeline();
        _services = services.BuildServiceProvider();
        _runner = new DialogRunner(new DialogSet().Add(new WaterfallDialog<Notes>("notes", [Ask, AskAgain, Show])).Add(new TextPrompt("text")), this);
    }

    public sealed class Notes
    {
        public List<string> Seen { get; set; } = [];
    }

    private sealed class Probe() : Dialog("probe")
    {
        public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public static T? Read<T>(DialogInstance instance) => ReadState<T>(instance);

        public static void Write<T>(DialogInstance instance, T value) => WriteState(instance, value);
    }

    [Fact]
    public void WhatIsWrittenIsASnapshotThatLaterChangesToTheObjectDoNotReach()
    {
        var instance = new DialogInstance { Id = "probe" };
        var notes = new Notes { Seen = ["a"] };

        Probe.Write(instance, notes);
        notes.Seen.Add("b");

        Assert.Equal(["a"], Probe.Read<Notes>(instance)!.Seen);
    }

    [Fact]
    public void EachReadHandsOutACopyOfItsOwn()
    {
        var instance = new DialogInstance { Id = "probe" };
        Probe.Write(instance, new Notes { Seen = ["a"] });

        var first = Probe.Read<Notes>(instance)!;
        first.Seen.Add("changed by the first reader");
        var second = Probe.Read<Notes>(instance)!;

        Assert.NotSame(first, second);
        Assert.Equal(["a"], second.Seen);
    }

    [Fact]
    public async Task AStepsChangesAreStoredWithItButAChangeAfterItReturnedIsNot()
    {
        var flow = new TestFlow(a => _services.GetRequiredService<TurnPipeline>().ProcessAsync(a), _connector,
            new Activity { Channel = "test", ChatId = "c1", UserId = "u1" }, new FakeTimeProvider());
        await flow.Send("/go").AssertReply("first");
        _leaked!.Seen.Add("changed after the step returned");
        await flow.Send("one").AssertReply("second");
        _leaked!.Seen.Add("changed after the step returned");
        await flow.Send("two").AssertReply("seen asked,one,asked again,two");
    }

    private Task<DialogTurnResult> Ask(WaterfallStepContext<Notes> step, CancellationToken ct)
    {
        step.Values.Seen.Add("asked");
        _leaked = step.Values;
        return step.PromptAsync("text", new PromptOptions { Prompt = "first" }, ct);
    }

    private Task<DialogTurnResult> AskAgain(WaterfallStepContext<Notes> step, CancellationToken ct)
    {
        step.Values.Seen.Add((string)step.Result!);
        step.Values.Seen.Add("asked again");
        _leaked = step.Values;
        return step.PromptAsync("text", new PromptOptions { Prompt = "second" }, ct);
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
