using Bot.Builder.Activities;
using Bot.Builder.Pipeline;
using Bot.Builder.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Builder;

public static class BuilderServiceExtensions
{
    /// <summary>The turn pipeline, the inbox every channel hands over to, and the delivery road; an application replaces the pacer, the store and the texts.</summary>
    public static IServiceCollection AddTurnPipeline(this IServiceCollection services)
    {
        services.TryAddSingleton<ISendPacer, ImmediatePacer>();
        services.TryAddSingleton<IActivityDeduplicator, MemoryActivityDeduplicator>();
        services.TryAddSingleton<IUnitOfWorkCommitter, WritesImmediately>();
        services.TryAddSingleton<IReceivedUpdates, MemoryReceivedUpdates>();
        services.TryAddSingleton<IReplyOutbox, NoReplyOutbox>();
        services.TryAddSingleton<ITurnGate, NoTurnGate>();
        services.AddHostedService<ReplyResender>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Delivery>();
        services.AddSingleton<TurnPipeline>();
        // Registered before any channel's receiver, so it stops after them and lets their last turns finish.
        services.AddSingleton<Inbox>();
        services.AddHostedService(sp => sp.GetRequiredService<Inbox>());
        // After the inbox, so it stops first and never hands an update to an inbox that has stopped.
        services.AddSingleton<StrandedUpdateTaker>();
        services.AddHostedService(sp => sp.GetRequiredService<StrandedUpdateTaker>());
        return services;
    }
}

/// <summary>For stores that write at once (the in-memory ones): they never enlist, so there is nothing to commit.</summary>
public sealed class WritesImmediately : IUnitOfWorkCommitter
{
    public Task CommitAsync(IReadOnlyList<object> writes, CancellationToken cancellationToken) =>
        writes.Count == 0 ? Task.CompletedTask : throw new InvalidOperationException("No storage that takes units of work is registered.");
}
