using Bot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Pacing;

public static class PacingExtensions
{
    /// <summary>The pacer every outbound message goes through (replies and broadcasts alike), to each channel's declared limits.</summary>
    public static WebApplicationBuilder AddPacing(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PacingOptions>().BindConfiguration(PacingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PacingOptions>, PacingOptionsValidator>();
        services.AddStore<ISharedSendBudget, ProcessSendBudget, PgSendBudget>();
        services.AddSingleton<SendPacer>();
        services.Replace(ServiceDescriptor.Singleton<ISendPacer>(sp => sp.GetRequiredService<SendPacer>()));
        return builder;
    }
}
