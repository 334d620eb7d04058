using Bot.Audience;
using Bot.Builder.Dialogs;
using Bot.Builder.Pipeline;
using Bot.Storage;

namespace Bot.Conversations;

public static class ConversationExtensions
{
    /// <summary>The turn pipeline, the router, the dialog runner and the core commands (/start, /trogiup, /ngonngu).</summary>
    public static WebApplicationBuilder AddConversations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OfficerOptions>().BindConfiguration(OfficerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OfficerOptions>, OfficerOptionsValidator>();
        services.AddSingleton<Officers>();
        services.AddSingleton<Say>();
        services.AddSingleton<Menu>();
        services.AddSingleton<EngineResponses>();
        services.AddSingleton<IEngineTexts>(sp => sp.GetRequiredService<EngineResponses>());
        services.AddSingleton<IInterruptionResponder>(sp => sp.GetRequiredService<EngineResponses>());
        services.AddSingleton(sp => new DialogSet().AddAll(sp.GetServices<Dialog>()));
        services.AddSingleton<DialogRunner>();
        services.AddTurnPipeline();
        services.AddSingleton<IDeliveryObserver, AudienceDeliveryObserver>();
        services.AddSingleton<IBot, ConversationRouter>();
        services.AddStore<IChatDirectory, LiteDbChatDirectory, PgChatDirectory>();
        services.AddSingleton<Members.IMemberDataOwner, AudienceMemberData>();
        services.AddSingleton<ITurnMiddleware, AudienceMiddleware>();
        services.AddStoreCollection(LiteDbChatDirectory.Collection);

        services.AddCommand<StartCommand>();
        services.AddCommand<HelpCommand>();
        services.AddCommand<LanguageCommand>();
        services.AddSingleton(new MenuItem("/trogiup", "core.menu-help", 90));
        return builder;
    }

    public static IServiceCollection AddCommand<T>(this IServiceCollection services) where T : class, ICommand =>
        services.AddSingleton<ICommand, T>();

    public static IServiceCollection AddDialog<T>(this IServiceCollection services) where T : Dialog
    {
        services.AddSingleton<T>();
        return services.AddSingleton<Dialog>(sp => sp.GetRequiredService<T>());
    }

    private static DialogSet AddAll(this DialogSet set, IEnumerable<Dialog> dialogs)
    {
        foreach (var dialog in dialogs) set.Add(dialog);
        return set;
    }
}
