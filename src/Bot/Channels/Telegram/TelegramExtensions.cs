using Telegram.Bot;

namespace Bot.Channels.Telegram;

public static class TelegramExtensions
{
    private const string HttpClientKey = "telegram";

    /// <summary>The Telegram channel, on when Telegram:BotToken is set: long polling by default, or a webhook on this host.</summary>
    public static WebApplicationBuilder AddTelegram(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new TelegramOptions();
        if (string.IsNullOrWhiteSpace(options.BotToken)) return builder;

        var services = builder.Services;
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        // Our own HttpClient, not IHttpClientFactory's: that one logs every request URL, and the URL holds the token.
        services.AddKeyedSingleton(HttpClientKey, (sp, _) => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<TelegramOptions>>().Value.PollTimeoutSeconds + 30),
        });
        services.AddSingleton<ITelegramBotClient>(sp => CreateClient(sp.GetRequiredService<IOptions<TelegramOptions>>().Value, sp.GetRequiredKeyedService<HttpClient>(HttpClientKey)));
        services.AddSingleton<TelegramErrors>();
        services.AddSingleton<TelegramBotIdentity>();
        services.AddSingleton<TelegramUpdateTranslator>();
        services.AddSingleton<TelegramChatMigration>();
        services.AddSingleton<IDeliveryObserver>(sp => sp.GetRequiredService<TelegramChatMigration>());
        services.AddSingleton<TelegramInbox>();
        services.AddSingleton<IStoredUpdateHandler>(sp => sp.GetRequiredService<TelegramInbox>());
        services.AddSingleton<TelegramCommandMenu>();
        services.AddSingleton<TelegramDeepLinks>();
        // Replaces the pledges' default (no links): registered later, so it is the one resolved.
        services.AddSingleton<Pledges.IDeepLinks>(sp => sp.GetRequiredService<TelegramDeepLinks>());
        services.AddSingleton<TelegramConnector>();
        services.AddSingleton<IChannelConnector>(sp => sp.GetRequiredService<TelegramConnector>());
        services.AddSingleton(new Operations.MonitoredChannel(TelegramUpdateTranslator.Channel));

        if (options.IsWebhook)
        {
            services.AddSingleton<TelegramWebhookEndpoint>();
            services.AddTransient<IStartupFilter, TelegramWebhookStartupFilter>();
            services.AddHostedService<TelegramWebhookService>();
        }
        else
        {
            services.AddHostedService<TelegramPollingService>();
        }
        return builder;
    }

    private static TelegramBotClient CreateClient(TelegramOptions o, HttpClient http)
    {
        var baseUrl = string.IsNullOrWhiteSpace(o.ApiBaseUrl) ? null : o.ApiBaseUrl;
        // RetryThreshold 0: every 429 reaches the delivery road, which pauses all sending; the library would
        // otherwise silently block one send for up to a minute.
        return new TelegramBotClient(new TelegramBotClientOptions(o.BotToken!.Trim(), baseUrl) { RetryThreshold = 0 }, http);
    }
}
