using Bot.Storage;

namespace Bot.Pledges.Digest;

public static class PledgeDigestExtensions
{
    /// <summary>The officers' daily digest of pledge changes (PledgeDigest settings), sent to their private chats.</summary>
    public static WebApplicationBuilder AddPledgeDigest(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PledgeDigestOptions>().BindConfiguration(PledgeDigestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<PledgeDigestOptions>, PledgeDigestOptionsValidator>();
        services.AddStoreCollection(LiteDbPledgeDigestStore.Collection);
        services.AddStore<IPledgeDigestStore, LiteDbPledgeDigestStore, PgPledgeDigestStore>();
        services.AddSingleton<PledgeDigestComposer>();
        services.AddSingleton<PledgeDigestService>();
        services.AddHostedService(sp => sp.GetRequiredService<PledgeDigestService>());
        return builder;
    }
}
