using Bot.Builder.Activities;
using Bot.Builder.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Builder;

public static class BuilderServiceExtensions
{
    /// <summary>The turn pipeline and the delivery road; an application replaces the pacer, the store and the texts.</summary>
    public static IServiceCollection AddTurnPipeline(this IServiceCollection services)
    {
        services.TryAddSingleton<ISendPacer, ImmediatePacer>();
        services.TryAddSingleton<IActivityDeduplicator, MemoryActivityDeduplicator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Delivery>();
        services.AddSingleton<TurnPipeline>();
        return services;
    }
}
