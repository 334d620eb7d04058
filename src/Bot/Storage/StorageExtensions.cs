using Bot.Builder.Pipeline;
using Bot.Builder.State;
using LiteDB;

namespace Bot.Storage;

public static class StorageExtensions
{
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => new BotDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        builder.Services.AddSingleton<LiteDatabase>(sp => sp.GetRequiredService<BotDatabase>().Database);
        builder.Services.AddSingleton<IStateStore, LiteDbStateStore>();
        builder.Services.AddSingleton<IActivityDeduplicator, LiteDbDeduplicator>();
        return builder;
    }
}
