using Bot.Conversations;

namespace Bot.Backups;

public static class BackupsExtensions
{
    /// <summary>Scheduled hot backups with retention, /saoluu for officers, the last backup in health and /trangthai.</summary>
    public static WebApplicationBuilder AddBackups(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BackupOptions>, BackupOptionsValidator>();
        services.AddSingleton<DatabaseBackup>();
        services.AddHostedService<BackupScheduler>();
        services.AddCommand<BackupCommand>();
        services.AddHealthChecks().AddCheck<BackupHealthCheck>(BackupHealthCheck.Name, tags: [Operations.OperationsExtensions.ReadyTag]);
        return builder;
    }
}
