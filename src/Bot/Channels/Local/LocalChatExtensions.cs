namespace Bot.Channels.Local;

public static class LocalChatExtensions
{
    /// <summary>The terminal chat, on by default when no platform token is configured.</summary>
    public static WebApplicationBuilder AddLocalChat(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LocalChatOptions>().BindConfiguration(LocalChatOptions.Section);
        var options = builder.Configuration.GetSection(LocalChatOptions.Section).Get<LocalChatOptions>() ?? new LocalChatOptions();
        var anyPlatform = !string.IsNullOrWhiteSpace(builder.Configuration["Telegram:BotToken"]) ||
                          !string.IsNullOrWhiteSpace(builder.Configuration["Zalo:BotToken"]);
        if (!(options.Enabled ?? !anyPlatform)) return builder;

        builder.Services.AddSingleton<IChannelConnector>(new LocalConnector(Console.Out));
        builder.Services.AddSingleton(Console.In);
        builder.Services.AddHostedService<LocalChatService>();
        return builder;
    }
}
