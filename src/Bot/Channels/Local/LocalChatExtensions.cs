namespace Bot.Channels.Local;

/// <summary>Where the local chat reads and writes: the terminal, or (in tests) strings.</summary>
public sealed record LocalConsole(TextReader Input, TextWriter Output);

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

        builder.Services.AddSingleton(new LocalConsole(Console.In, Console.Out));
        builder.Services.AddSingleton<IChannelConnector>(sp => new LocalConnector(sp.GetRequiredService<LocalConsole>().Output));
        builder.Services.AddHostedService<LocalChatService>();
        return builder;
    }
}
