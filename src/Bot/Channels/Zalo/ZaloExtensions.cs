using Bot.Channels.Zalo.Api;

namespace Bot.Channels.Zalo;

public static class ZaloExtensions
{
    /// <summary>
    /// The Zalo Bot Platform channel, on only when Zalo:BotToken is set (so it runs alongside Telegram or alone):
    /// long polling by default, or a webhook on this host's web server when Zalo:Mode is Webhook.
    /// </summary>
    public static WebApplicationBuilder AddZaloChannel(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{ZaloOptions.Section}:BotToken"])) return builder;

        var services = builder.Services;
        services.AddOptions<ZaloOptions>().BindConfiguration(ZaloOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ZaloOptions>, ZaloOptionsValidator>();
        // Request logging would print URLs, and the token is part of every URL: the client logs its own failures.
        services.AddHttpClient(ZaloBotClient.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        services.AddSingleton<ZaloBotClient>();
        services.AddSingleton<ZaloBotIdentity>();
        services.AddSingleton<ZaloStartup>();
        services.AddSingleton<ZaloActivityMapper>();
        services.AddSingleton<ZaloConnector>();
        services.AddSingleton<IChannelConnector>(sp => sp.GetRequiredService<ZaloConnector>());
        services.AddSingleton(new Operations.MonitoredChannel(ZaloActivityMapper.Channel));
        services.AddSingleton<IGroupOverflow, ZaloGroupOverflow>();

        services.AddSingleton<ZaloInbox>();
        services.AddSingleton<IStoredUpdateHandler>(sp => sp.GetRequiredService<ZaloInbox>());
        services.AddSingleton<ITypingIndicator, ZaloTyping>();
        if (Mode(builder.Configuration) == ZaloMode.Webhook)
        {
            services.AddSingleton<ZaloWebhookQueue>();
            services.AddSingleton<IStartupFilter, ZaloWebhookStartupFilter>();
            services.AddHostedService<ZaloWebhookService>();
        }
        else
        {
            services.AddHostedService<ZaloPollingService>();
        }
        return builder;
    }

    private static ZaloMode Mode(IConfiguration configuration)
    {
        var value = configuration[$"{ZaloOptions.Section}:Mode"];
        if (string.IsNullOrWhiteSpace(value)) return ZaloMode.Polling;
        return Enum.TryParse<ZaloMode>(value, ignoreCase: true, out var mode) && Enum.IsDefined(mode)
            ? mode
            : throw new InvalidOperationException($"Zalo:Mode must be Polling or Webhook, not '{value}'.");
    }
}
