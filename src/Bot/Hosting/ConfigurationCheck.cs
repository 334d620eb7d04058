using Bot.Content;
using Bot.Faq;
using Bot.Storage;

namespace Bot.Hosting;

/// <summary>
/// `--check`, for deploy scripts: everything the start checks (settings, plans and texts, the FAQ files, the database
/// file) without starting anything, so a new release or settings file can be tried next to a running bot. A port the
/// running bot holds and a database file it has locked are not errors here.
/// </summary>
internal static class ConfigurationCheck
{
    public const string Switch = "--check";

    public static async Task RunAsync(WebApplication app, TextWriter output)
    {
        app.CheckSettings(probePorts: false);
        var content = app.Services.GetRequiredService<BotContent>();
        var faq = app.Services.GetRequiredService<FaqLibrary>().Engine;
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        await output.WriteLineAsync($"Settings: valid. Content {content.Root}: {content.Plans.Count} plans ({string.Join(", ", content.Plans.Select(p => p.Id))}), FAQ {faq.Vietnamese.Count} items.");
        await output.WriteLineAsync($"Database: {CheckDatabase(storage)}");
    }

    private static string CheckDatabase(StorageOptions storage)
    {
        if (storage.IsPostgreSql)
        {
            // Named without the password; the server is not contacted (a check must not migrate the schema).
            var server = new Npgsql.NpgsqlConnectionStringBuilder(storage.ConnectionString);
            return $"PostgreSQL at {server.Host}:{server.Port}, database {server.Database} (not contacted by --check).";
        }
        if (storage.InMemory) return "in memory (nothing is kept).";
        var path = storage.ResolvedPath;
        if (Directory.Exists(path))
            throw new SettingException($"Storage:Path points at the folder {path}: give the database file inside it, e.g. {Path.Combine(path, "bot.db")}.");
        if (!File.Exists(path)) return $"{path} does not exist yet; the bot creates it at its first start.";
        if (InUse(path)) return $"{path} is in use by a running bot (not read, so as not to disturb it).";
        DatabaseFileCheck.ThrowIfDamaged(path);
        return $"{path} reads whole.";
    }

    private static bool InUse(string path)
    {
        var lockPath = path + ".lock";
        if (!File.Exists(lockPath)) return false;
        try
        {
            using var probe = new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }
}
