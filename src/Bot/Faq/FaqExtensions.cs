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

    /// <summary>
    /// Reads the FAQ files when the host starts (creating the library checks them) and lets the index build in the
    /// background; if that build fails, the bot stops rather than answer every question with an apology.
    /// </summary>
    private sealed class FaqStartup(FaqLibrary library, IHostApplicationLifetime lifetime, ILogger<FaqLibrary> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = library.Ready.ContinueWith(t =>
            {
                logger.LogCritical(t.Exception, "The FAQ search index could not be built; stopping");
                lifetime.StopApplication();
            }, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
