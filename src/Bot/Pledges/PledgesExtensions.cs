using Bot.Content;
using Bot.Conversations;
using Bot.Pledges.Digest;
using Bot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Pledges;

public static class PledgesExtensions
{
    /// <summary>
    /// Pledge registration (/dangky, quick messages, "đăng ký …" in private chats), the member's own data
    /// (/cuatoi, /xoadulieu) and the officers' review and export (/danhsach, /xuat).
    /// Register before other text handlers: "đăng ký LĐTT" must not be taken for a question.
    /// </summary>
    public static WebApplicationBuilder AddPledges(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PledgeOptions>().BindConfiguration(PledgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Loaded now, like the rest of dialogs/: a broken form file stops the start with file:line.
        var contentOptions = builder.Configuration.GetSection(ContentOptions.Section).Get<ContentOptions>() ?? new ContentOptions();
        services.AddSingleton(PledgeContent.Load(contentOptions.ResolvedPath));
        services.AddStoreCollection(LiteDbPledgeStore.Collection, LiteDbPledgeStore.Indexes);
        services.AddStoreCollection(LiteDbRegistrationOverrideStore.Collection);
        services.AddStore<IRegistrationOverrideStore, LiteDbRegistrationOverrideStore, PgRegistrationOverrideStore>();

        services.AddStore<IPledgeStore, LiteDbPledgeStore, PgPledgeStore>();
        services.AddSingleton<QuickPledgeParser>();
        services.AddSingleton<QuickRegistration>();
        services.AddSingleton<PledgeQuestions>();
        services.AddSingleton<PledgeSummary>();
        services.AddSingleton<RegistrationPeriods>();
        services.AddHostedService(sp => sp.GetRequiredService<RegistrationPeriods>());
        services.AddSingleton<RegistrationGate>();
        services.AddSingleton<PledgeEditor>();
        services.AddSingleton<PledgeRegistrar>();
        services.AddSingleton<PledgeStarter>();
        services.AddSingleton<PledgeReview>();
        services.AddSingleton<PledgeSheet>();
        services.AddSingleton<ExportFileName>();
        services.AddSingleton<PledgeService>();
        services.AddSingleton<Members.IMemberDataOwner, PledgeMemberData>();
        services.TryAddSingleton<IDeepLinks, NoDeepLinks>();

        services.AddDialog<RegisterPledgeDialog>();
        services.AddDialog<ReturnPledgeDialog>();
        services.AddCommand<RegisterPledgeCommand>();
        services.AddSingleton<MyPledgesCommand>();
        services.AddSingleton<ICommand>(sp => sp.GetRequiredService<MyPledgesCommand>());
        services.AddCommand<DeleteMyDataCommand>();
        services.AddCommand<ReviewPledgesCommand>();
        services.AddCommand<ExportPledgesCommand>();
        services.AddCommand<OpenRegistrationCommand>();
        services.AddCommand<CloseRegistrationCommand>();
        services.AddSingleton<ITextHandler, PledgeTextHandler>();
        services.AddSingleton<IStartPayloadHandler, PledgeStartPayload>();
        services.AddSingleton(new MenuItem("/dangky", "pledge.menu", 20));
        builder.AddPledgeDigest();
        return builder;
    }
}
