namespace Bot.Channels.Zalo;

/// <summary>Zalo shows "typing…" for a few seconds; the inbox repeats it while a slow turn runs.</summary>
public sealed class ZaloTyping(ZaloConnector connector, IOptions<ZaloOptions> options) : ITypingIndicator
{
    public string Channel => ZaloActivityMapper.Channel;
    public TimeSpan After => options.Value.TypingAfter;
    public TimeSpan Repeat => TimeSpan.FromSeconds(5);

    public Task ShowAsync(Activity activity, CancellationToken cancellationToken) => connector.SendTypingAsync(activity.ChatId, cancellationToken);
}
