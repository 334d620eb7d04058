using Npgsql;

namespace Bot.Storage;

/// <summary>
/// One sentence per mistake, naming the setting. The connection string is never quoted back: it carries a password,
/// and this message goes to the log and the terminal.
/// </summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!Enum.IsDefined(options.Provider))
            return ValidateOptionsResult.Fail($"{StorageOptions.Section}:Provider must be LiteDb or PostgreSql.");
        if (!options.IsPostgreSql) return ValidateOptionsResult.Success;
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail($"{StorageOptions.Section}:ConnectionString is required when {StorageOptions.Section}:Provider is PostgreSql (set the environment variable Storage__ConnectionString or a user secret).");
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            if (string.IsNullOrWhiteSpace(parsed.Host))
                return ValidateOptionsResult.Fail($"{StorageOptions.Section}:ConnectionString names no Host.");
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException or InvalidCastException)
        {
            return ValidateOptionsResult.Fail($"{StorageOptions.Section}:ConnectionString is not a valid PostgreSQL connection string (e.g. \"Host=db;Database=bot;Username=bot;Password=…\").");
        }
        return ValidateOptionsResult.Success;
    }
}
