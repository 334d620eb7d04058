using Npgsql;

namespace Bot.Storage.PostgreSql;

public static class PostgreSqlExtensions
{
    /// <summary>The PostgreSQL pieces every store shares; nothing connects until a store or the start needs it.</summary>
    public static IServiceCollection AddPostgreSqlStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var builder = new NpgsqlDataSourceBuilder(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString);
            // Npgsql's own logging stays off: its messages can carry parameters (members' words).
            return builder.Build();
        });
        services.AddSingleton<PgDatabase>();
        services.AddSingleton<PgCommitter>();
        services.AddSingleton<PgMigrations>();
        services.AddSingleton<PgSchema>();
        services.AddSingleton<PgContentVersion>();
        services.AddSingleton<PgInstance>();
        // Registered before the turn pipeline's inbox: it stops after the last turns, so a clean stop's leftovers go at once.
        services.AddHostedService<PgInstanceHeartbeat>();
        // Follows content reloads made on other instances; does nothing unless the provider is PostgreSql.
        services.AddHostedService<Content.ContentReloadFollower>();
        // First of the hosted services: the tables exist before any feature's start reads them.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, PgSchemaStarter>());
        return services;
    }
}
