using Bot.Backups;
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
using Bot.Operations;
using Bot.Pledges;
using Bot.Storage;
using Bot.Web;
using System.Runtime.ExceptionServices;

namespace Bot.Hosting;

/// <summary>The table of contents of the service: one Add…() per concern, details next to each feature.</summary>
public static class BotHost
{
    public static WebApplication Build(string[] args, BotHostOverrides? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        overrides?.Configuration?.Invoke(builder.Configuration);
        builder.AddLogging();
        builder.AddServiceLifetime();

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
        builder.AddOperations();
        builder.AddBackups();
        builder.AddWeb();
        builder.AddStartupChecks();

        overrides?.Services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapOperations();
        return app;
    }

    /// <summary>
    /// Opens the storage and reads the FAQ files side by side, before the host starts: both are checked at start (a
    /// locked or damaged database, a broken FAQ file stop it with one sentence), both took 0.2–0.6 s one after the
    /// other on the start's one thread, and neither needs the other. A storage error is reported first, as when the
    /// database was opened before anything read the FAQ.
    /// </summary>
    public static async Task OpenAsync(IServiceProvider services)
    {
        var storage = Task.Run(() => services.OpenStorageAsync());
        ExceptionDispatchInfo? faq = null;
        try
        {
            services.GetRequiredService<FaqLibrary>();
        }
        catch (Exception ex)
        {
            faq = ExceptionDispatchInfo.Capture(ex);
        }
        await storage;
        faq?.Throw();
    }

    /// <summary>Runs until Ctrl+C; a broken content file or setting ends the start with its message, not a stack trace.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? errors = null, BotHostOverrides? overrides = null, TextWriter? output = null)
    {
        errors ??= Console.Error;
        var (check, backupNow, copy) = (args.Contains(ConfigurationCheck.Switch), args.Contains(BackupNow.Switch), args.Contains(Storage.Copy.CopyToPostgres.Switch));
        // A bare switch would take the next argument as its value in the configuration's command line.
        args = [.. args.Where(a => a is not (ConfigurationCheck.Switch or BackupNow.Switch or Storage.Copy.CopyToPostgres.Switch))];
        try
        {
            await using var app = Build(args, overrides);
            if (check)
            {
                await ConfigurationCheck.RunAsync(app, output ?? Console.Out);
                return 0;
            }
            if (copy) return await Storage.Copy.CopyToPostgres.RunAsync(app, output ?? Console.Out);
            if (backupNow)
            {
                await BackupNow.RunAsync(app, output ?? Console.Out);
                return 0;
            }
            // Check settings and open the database before the host starts, so a mistake is reported as one
            // sentence here instead of the host's "failed to start" stack trace.
            app.CheckSettings();
            await OpenAsync(app.Services);
            // Taken before the run: RunAsync disposes the host's services when it returns. PostgreSQL has no writer that
            // can fail for good: a lost connection fails the turns until the server answers again.
            var writer = StorageExtensions.IsPostgreSql(app.Services) ? null : app.Services.GetRequiredService<Storage.StorageWriter>();
            await app.RunAsync();
            // A storage failure stops the host: exit non-zero so a supervisor restarts it.
            return writer?.Fault is null ? 0 : Storage.StorageWriter.FaultExitCode;
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
}

/// <summary>What tests change: configuration before the features read it, services after they registered theirs.</summary>
public sealed class BotHostOverrides
{
    public Action<IConfigurationBuilder>? Configuration { get; init; }
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>Content shared by the hosts of one test run (see <see cref="Content.ContentCache"/>).</summary>
    public Content.ContentCache? ContentCache { get; init; }
}
