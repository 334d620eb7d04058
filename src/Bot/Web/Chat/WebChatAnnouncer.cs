
namespace Bot.Web.Chat;

/// <summary>Says where the web chat is once the host listens, so a newcomer who runs the bot without a token finds it.</summary>
public sealed class WebChatAnnouncer(WebAddress address, IHostApplicationLifetime lifetime, ILogger<WebChatAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => logger.LogInformation("Web chat: {Address}/  (officers: send /quantri in a private chat for a dashboard link)", address.Base));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
