namespace Bot.Content;

public static class ContentExtensions
{
    /// <summary>
    /// Loads dialogs/ now, so a broken file stops the start with a clear message before anything runs. Hosts given
    /// a <paramref name="cache"/> share content already loaded from the same unchanged files.
    /// </summary>
    public static WebApplicationBuilder AddContent(this WebApplicationBuilder builder, ContentCache? cache = null)
    {
        builder.Services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ContentOptions>, ContentOptionsValidator>();
        var options = builder.Configuration.GetSection(ContentOptions.Section).Get<ContentOptions>() ?? new ContentOptions();
        builder.Services.AddSingleton(cache?.GetOrLoad(options) ?? BotContent.Load(options));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<BotContent>().Texts);
        builder.Services.AddSingleton<PlanCalendar>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
