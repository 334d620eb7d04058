namespace Bot.Channels.Local;

/// <summary>The terminal: plain text on stdout, choices as numbered lines, no buttons, no edits, no files.</summary>
public sealed class LocalConnector(TextWriter output) : IChannelConnector
{
    public const string Name = "local";
    private readonly Lock _gate = new();
    private int _next;

    public string Channel => Name;

    public ChannelCapabilities Capabilities { get; } = new() { Buttons = false, EditMessages = false, Files = false, Html = false, MaxTextLength = 4096 };

    public Task<string?> SendAsync(ConversationAddress to, Reply reply, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            output.WriteLine(reply.Text);
            output.WriteLine();
            output.Flush();
            return Task.FromResult<string?>((++_next).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public Task AnswerButtonAsync(Activity activity, string? text, CancellationToken cancellationToken) => Task.CompletedTask;
}
