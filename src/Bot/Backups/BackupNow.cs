using Bot.Hosting;
using Bot.Storage;

namespace Bot.Backups;

/// <summary>`--backup-now`: one backup of a stopped bot's database, then exit (while the bot runs, officers use /saoluu).</summary>
internal static class BackupNow
{
    public const string Switch = "--backup-now";

    public static async Task RunAsync(WebApplication app, TextWriter output)
    {
        app.CheckSettings(probePorts: false);
        if (app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgreSql)
            throw new SettingException("Storage:Provider is PostgreSql: back the database up with pg_dump (see README, Operations).");
        if (app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.InMemory)
            throw new SettingException("Storage:Path is :memory:, so there is no database file to back up.");
        try
        {
            app.Services.GetRequiredService<BotDatabase>();
        }
        catch (DatabaseInUseException ex)
        {
            throw new SettingException(ex.Message.Replace("Stop it first", "While it runs, an officer takes a backup with /saoluu (or wait for the scheduled one)", StringComparison.Ordinal));
        }
        var backup = app.Services.GetRequiredService<DatabaseBackup>();
        BackupFile file;
        try
        {
            file = await backup.TakeAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SettingException($"The backup to {backup.Folder} failed: {ex.Message}");
        }
        await output.WriteLineAsync($"Backed up to {file.Path}");
    }
}
