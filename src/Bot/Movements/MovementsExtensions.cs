using Bot.Conversations;

namespace Bot.Movements;

public static class MovementsExtensions
{
    public static WebApplicationBuilder AddMovements(this WebApplicationBuilder builder)
    {
        builder.Services.AddCommand<MovementsCommand>();
        builder.Services.AddCommand<PhaseCommand>();
        builder.Services.AddSingleton(new MenuItem("/phongtrao", "core.menu-movements", 10));
        builder.Services.AddSingleton(new MenuItem("/dot", "core.menu-phase", 11));
        return builder;
    }
}
