using Bot.Builder.Dialogs;
using Bot.Builder.Prompts;

namespace Bot.Builder.Tests.Dialogs;

/// <summary>
/// The contract a dialog's state keeps (docs/throughput.md, round 5): what is written is a snapshot, what is read is a
/// copy of its own. The state types are mutable (a waterfall's values), so a cache that handed out one shared object
/// would let a change reach the stored state without a write; these tests are what such a cache must still pass.
/// </summary>
public class DialogStateSnapshotTests : OneWaterfallBot<DialogStateSnapshotTests.Notes>
{
    private Notes? _leaked;

    protected override WaterfallStep<Notes>[] Steps => [Ask, AskAgain, Show];

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
        var flow = Flow();
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
}
