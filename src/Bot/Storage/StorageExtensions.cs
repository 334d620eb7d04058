using Bot.Builder.Pipeline;
using Bot.Builder.State;
using LiteDB;

namespace Bot.Storage;

public static class StorageExtensions
{
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => new BotDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetServices<StoreCollection>()));
        builder.Services.AddSingleton<LiteDatabase>(sp => sp.GetRequiredService<BotDatabase>().Database);
        builder.Services.AddSingleton<StorageWriter>();
        builder.Services.AddSingleton<IUnitOfWorkCommitter>(sp => sp.GetRequiredService<StorageWriter>());
        // The processed-message marks are pruned by age every 1,000th message: indexed, that prune reads only what
        // expired instead of scanning two days of marks inside a turn's commit.
        builder.Services.AddStoreCollection(LiteDbStateStore.Collection).AddStoreCollection(LiteDbDeduplicator.Collection, c => c.EnsureIndex("At", "$.At"));
        builder.Services.AddSingleton<IStateStore, LiteDbStateStore>();
        builder.Services.AddSingleton<IActivityDeduplicator, LiteDbDeduplicator>();
        builder.Services.AddStoreCollection(LiteDbReceivedUpdates.Collection, c => c.EnsureIndex("Channel", "$.Channel"));
        builder.Services.AddSingleton<IReceivedUpdates, LiteDbReceivedUpdates>();
        builder.Services.AddStoreCollection(LiteDbReplyOutbox.Collection);
        builder.Services.AddSingleton<IReplyOutbox, LiteDbReplyOutbox>();
        return builder;
    }

    /// <summary>Declares a collection a feature owns: created with its indexes when the database opens.</summary>
    public static IServiceCollection AddStoreCollection(this IServiceCollection services, string name, Action<ILiteCollection<BsonDocument>>? indexes = null) =>
        services.AddSingleton(new StoreCollection(name, indexes));
}
