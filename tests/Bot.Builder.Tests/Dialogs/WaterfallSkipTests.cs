using Bot.Builder.Dialogs;
using Bot.Builder.Prompts;

namespace Bot.Builder.Tests.Dialogs;

/// <summary>A step that changes its values and then skips ahead must hand those changes to the steps after it.</summary>
public class WaterfallSkipTests : OneWaterfallBot<WaterfallSkipTests.Notes>
{
    protected override WaterfallStep<Notes>[] Steps => [Mark, SkipAndMark, Ask, Show];

    public sealed class Notes
    {
        public List<string> Seen { get; set; } = [];
    }

    [Fact]
    public async Task ValuesChangedBeforeSkippingAheadReachTheLaterSteps()
    {
        var flow = Flow();
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
}
