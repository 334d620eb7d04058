namespace Bot.Web.Chat;

/// <summary>
/// The web chat as a channel: a reply is added to the visitor's page (their long poll wakes up). Buttons are real
/// buttons, progress messages are edited in place, files are offered for download. Text is plain (the page shows it
/// as text, never as markup).
/// </summary>
public sealed class WebConnector(WebTranscripts transcripts, TimeProvider time) : IChannelConnector
{
    public const string Name = "web";

    public string Channel => Name;

    public ChannelCapabilities Capabilities { get; } = new() { Buttons = true, EditMessages = true, Files = true, Html = false, MaxTextLength = 4096 };

    public Task<string?> SendAsync(ConversationAddress to, Reply reply, CancellationToken cancellationToken)
    {
        var transcript = transcripts.For(to.ChatId);
        var buttons = reply.Buttons.Select(b => new WebButton(b.Label, b.Data, b.Url)).ToList();
        if (reply.EditMessageId is { } edit && transcript.Edit(edit, reply.Text, buttons)) return Task.FromResult<string?>(edit);
        var file = reply.File is { } f ? new WebFile(Guid.NewGuid().ToString("N"), f.FileName, f.ContentType) { Content = f.Content } : null;
        return Task.FromResult<string?>(transcript.Add(true, reply.Text, buttons, file, time.GetUtcNow()).Id);
    }

    public Task AnswerButtonAsync(Activity activity, string? text, CancellationToken cancellationToken)
    {
        // A pressed button needs no acknowledgement on a page; a notice ("expired", "not yours") is shown as a line.
        if (!string.IsNullOrEmpty(text)) transcripts.For(activity.ChatId).Add(true, text, [], null, time.GetUtcNow());
        return Task.CompletedTask;
    }
}
