using Bot.Conversations;

namespace Bot.Faq;

public static class FaqExtensions
{
    /// <summary>
    /// Questions about the plans: free text in a private chat (and replies to the bot in groups), /hoi and /ask, the
    /// "did you mean" follow-up, and /tailai for officers. The index is built at start, so broken FAQ content stops
    /// the start with its file and line.
    /// </summary>
    public static WebApplicationBuilder AddFaq(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<FaqOptions>().BindConfiguration(FaqOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<FaqOptions>, FaqOptionsValidator>();
        services.AddSingleton<FaqLibrary>();
        services.AddHostedService<FaqStartup>();
        services.AddSingleton<FaqResponder>();
        services.AddSingleton<FaqReplies>();
        services.AddSingleton<ITextHandler, SmallTalkHandler>();
        services.AddSingleton<ITextHandler, FaqTextHandler>();
        services.AddCommand<AskCommand>();
        services.AddCommand<ReloadCommand>();
        services.AddSingleton(new MenuItem("/hoi", "faq.menu-ask", 30));
        return builder;
    }

    /// <summary>Builds the index when the host starts rather than on the first question.</summary>
    private sealed class FaqStartup(FaqLibrary library) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.FromResult(library.Engine);
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
