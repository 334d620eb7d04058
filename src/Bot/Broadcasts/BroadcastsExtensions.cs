using Bot.Broadcasts.Audience;
using Bot.Broadcasts.Dialogs;
using Bot.Broadcasts.Kickoffs;
using Bot.Broadcasts.Outbox;
using Bot.Broadcasts.Schedule;
using Bot.Content;
using Bot.Conversations;
using Bot.Members;
using Bot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Broadcasts;

public static class BroadcastsExtensions
{
    /// <summary>
    /// Officers' broadcasts: the persistent outbox and its worker, kickoff templates and the kickoff schedule, and the officer commands.
    /// </summary>
    public static WebApplicationBuilder AddBroadcasts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BroadcastOptions>().BindConfiguration(BroadcastOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BroadcastOptions>, BroadcastOptionsValidator>();
        services.AddStoreCollection(LiteDbBroadcastStore.Broadcasts).AddStoreCollection(LiteDbBroadcastStore.Rows)
            .AddStoreCollection(LiteDbKickoffScheduleStore.Collection, LiteDbKickoffScheduleStore.Indexes);

        services.AddSingleton(sp => KickoffTemplates.Load(sp.GetRequiredService<BotContent>()));
        services.AddSingleton<KickoffComposer>();
        services.TryAddSingleton<IAudienceFilter, PledgeAudienceFilter>();
        services.AddSingleton<AudienceResolver>();
        services.AddSingleton<OfficerChats>();

        services.AddStore<IBroadcastStore, LiteDbBroadcastStore, PgBroadcastStore>();
        services.AddStore<IBroadcastSenderLease, SingleProcessSenderLease, PgBroadcastSenderLease>();
        services.AddSingleton<IMemberDataOwner, BroadcastMemberData>();
        services.AddSingleton<BroadcastQueue>();
        services.AddSingleton<BroadcastStarter>();
        services.AddSingleton<ProgressReporter>();
        services.AddSingleton<BroadcastRunner>();
        services.AddSingleton<IDeliveryObserver, OutboxMigrationObserver>();
        services.AddHostedService<BroadcastWorker>();

        services.AddStore<IKickoffScheduleStore, LiteDbKickoffScheduleStore, PgKickoffScheduleStore>();
        services.AddSingleton<KickoffScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<KickoffScheduler>());

        services.AddSingleton<BroadcastService>();
        services.AddSingleton<ScheduleService>();

        services.AddSingleton<BroadcastFlowServices>();
        services.AddDialog<SendAnnouncementDialog>();
        services.AddDialog<LaunchKickoffDialog>();
        services.AddCommand<KickoffCommand>();
        services.AddCommand<AnnounceCommand>();
        services.AddCommand<StopBroadcastCommand>();
        services.AddSingleton<ScheduleCommand>();
        services.AddSingleton<ICommand>(sp => sp.GetRequiredService<ScheduleCommand>());
        services.AddSingleton<IButtonHandler, StopBroadcastButtons>();
        services.AddSingleton<IButtonHandler, ScheduleButtons>();
        return builder;
    }
}
