using Bot.Builder.Pipeline;
using Bot.Builder.State;
using Bot.Storage.PostgreSql;
using LiteDB;

namespace Bot.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// The storage named by Storage:Provider: LiteDB (one file, one writer) or PostgreSQL (a pooled data source, one
    /// transaction per unit of work). Features register their stores with <see cref="AddStore{TService,TLiteDb,TPostgreSql}"/>
    /// and never ask which one runs.
    /// </summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        // LiteDB: created only when the provider is LiteDb (resolving them opens the file).
        services.AddSingleton(sp => new BotDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetServices<StoreCollection>()));
        services.AddSingleton<LiteDatabase>(sp => sp.GetRequiredService<BotDatabase>().Database);
        services.AddSingleton<StorageWriter>();
        services.AddPostgreSqlStorage();
        services.AddSingleton<IUnitOfWorkCommitter>(sp => IsPostgreSql(sp) ? sp.GetRequiredService<PgCommitter>() : sp.GetRequiredService<StorageWriter>());
        // The processed-message marks are pruned by age every 1,000th message: indexed, that prune reads only what
        // expired instead of scanning two days of marks inside a turn's commit.
        services.AddStoreCollection(LiteDbStateStore.Collection).AddStoreCollection(LiteDbDeduplicator.Collection, c => c.EnsureIndex("At", "$.At"));
        services.AddStore<IStateStore, LiteDbStateStore, PgStateStore>();
        services.AddStore<IActivityDeduplicator, LiteDbDeduplicator, PgDeduplicator>();
        services.AddStoreCollection(LiteDbReceivedUpdates.Collection, c => c.EnsureIndex("Channel", "$.Channel"));
        services.AddStore<IReceivedUpdates, LiteDbReceivedUpdates, PgReceivedUpdates>();
        services.AddStoreCollection(LiteDbReplyOutbox.Collection);
        services.AddStore<IReplyOutbox, LiteDbReplyOutbox, PgReplyOutbox>();
        services.AddStore<ITurnGate, NoTurnGate, PgTurnGate>();
        return builder;
    }

    /// <summary>
    /// A store with one implementation per provider; the one of Storage:Provider is created on first use, so the other
    /// provider's database is never opened.
    /// </summary>
    public static IServiceCollection AddStore<TService, TLiteDb, TPostgreSql>(this IServiceCollection services)
        where TService : class where TLiteDb : class, TService where TPostgreSql : class, TService =>
        services.AddSingleton<TService>(sp => IsPostgreSql(sp) ? ActivatorUtilities.CreateInstance<TPostgreSql>(sp) : ActivatorUtilities.CreateInstance<TLiteDb>(sp));

    /// <summary>Opens the storage before the host starts, so a missing file, a locked file or an unreachable server is one sentence.</summary>
    public static async Task OpenStorageAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (IsPostgreSql(services)) await services.GetRequiredService<PgSchema>().EnsureAsync(cancellationToken);
        else services.GetRequiredService<BotDatabase>();
    }

    public static bool IsPostgreSql(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgreSql;

    /// <summary>Declares a collection a feature owns: created with its indexes when the database opens.</summary>
    public static IServiceCollection AddStoreCollection(this IServiceCollection services, string name, Action<ILiteCollection<BsonDocument>>? indexes = null) =>
        services.AddSingleton(new StoreCollection(name, indexes));
}
