using Bot.Builder.Dialogs;
using Bot.Builder.Prompts;

namespace Bot.Broadcasts.Dialogs;

/// <summary>/thongbao &lt;text&gt; (/broadcast): an officer's own announcement; the text is asked for when the command came without it.</summary>
public sealed class SendAnnouncementDialog : BroadcastFlow
{
    private const string TextPrompt = "broadcast.text";

    public SendAnnouncementDialog(BroadcastFlowServices services) : base(nameof(SendAnnouncementDialog), services)
    {
        AddDialog(new TextPrompt(TextPrompt));
        AddSteps(AskText, KeepText);
    }

    private async Task<DialogTurnResult> AskText(WaterfallStepContext<BroadcastDraft> step, CancellationToken ct)
    {
        if (!step.IsBack && !string.IsNullOrWhiteSpace(step.Values.Text)) return await step.NextAsync(step.Values.Text, ct);
        return await step.PromptAsync(TextPrompt, new PromptOptions { Prompt = await Say.TextAsync(step.Context, "broadcast.ask-text") }, ct);
    }

    private async Task<DialogTurnResult> KeepText(WaterfallStepContext<BroadcastDraft> step, CancellationToken ct)
    {
        if (step.Result is string text) step.Values.Text = text.Trim();
        return await step.NextAsync(null, ct);
    }
}
