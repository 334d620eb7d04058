using Bot.Broadcasts;
using Bot.Channels.Local;
using Bot.Channels.Telegram;
using Bot.Channels.Zalo;
using Bot.Content;
using Bot.Conversations;
using Bot.Pacing;
using Bot.Faq;
using Bot.Members;
using Bot.Movements;
using Bot.Pledges;
using Bot.Storage;
using Bot.Web;

namespace Bot.Hosting;

/// <summary>The table of contents of the service: one Add…() per concern, details next to each feature.</summary>
public static class BotHost
{
    public static WebApplication Build(string[] args, BotHostOverrides? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        overrides?.Configuration?.Invoke(builder.Configuration);
        builder.AddLogging();

        builder.AddContent(overrides?.ContentCache);
        builder.AddStorage();
        builder.AddMembers();
        builder.AddConversations();
        builder.AddPacing();
        builder.AddMovements();
        builder.AddPledges();
        builder.AddFaq();
        builder.AddBroadcasts();
        builder.AddTelegram();
        builder.AddZaloChannel();
        builder.AddLocalChat();
        builder.AddWeb();
        builder.AddStartupChecks();

        overrides?.Services?.Invoke(builder.Services);
        var app = builder.Build();
        return app;
    }

    /// <summary>Runs until Ctrl+C; a broken content file or setting ends the start with its message, not a stack trace.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? errors = null, BotHostOverrides? overrides = null)
    {
        errors ??= Console.Error;
        try
        {
            await using var app = Build(args, overrides);
            // Check settings and open the database before the host starts, so a mistake is reported as one
            // sentence here instead of the host's "failed to start" stack trace.
            app.CheckSettings();
            app.Services.GetRequiredService<Storage.BotDatabase>();
            // Taken before the run: RunAsync disposes the host's services when it returns.
            var writer = app.Services.GetRequiredService<Storage.StorageWriter>();
            await app.RunAsync();
            // A storage failure stops the host: exit non-zero so a supervisor restarts it.
            return writer.Fault is null ? 0 : Storage.StorageWriter.FaultExitCode;
        }
        catch (Exception ex) when (ex is ContentException or OptionsValidationException or SettingException or InvalidOperationException { Source: "Bot" })
        {
            await errors.WriteLineAsync(ex.Message);
            return 2;
        }
        catch (Exception ex) when (StartupChecks.IsSettingError(ex))
        {
            // The configuration binder could not convert a value: name the setting, not the converter's stack.
            await errors.WriteLineAsync(StartupChecks.Describe(ex));
            return 2;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            // Several settings sections are wrong at once: one line each.
            foreach (var inner in ex.InnerExceptions) await errors.WriteLineAsync(inner.Message);
            return 2;
        }
    }

    private static void AddLogging(this WebApplicationBuilder builder)
    {
        // stdout belongs to the local chat; every log line goes to stderr.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}

/// <summary>What tests change: configuration before the features read it, services after they registered theirs.</summary>
public sealed class BotHostOverrides
{
    public Action<IConfigurationBuilder>? Configuration { get; init; }
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>Content shared by the hosts of one test run (see <see cref="Content.ContentCache"/>).</summary>
    public Content.ContentCache? ContentCache { get; init; }
}
