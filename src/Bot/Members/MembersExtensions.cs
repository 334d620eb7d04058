using Bot.Members;
using Bot.Storage;

namespace Bot.Members;

public static class MembersExtensions
{
    /// <summary>Who acts (officer roles) and the "forget me" use case; features add their own <see cref="IMemberDataOwner"/>.</summary>
    public static WebApplicationBuilder AddMembers(this WebApplicationBuilder builder)
    {
        builder.Services.AddStoreCollection(LiteDbOfficerRoleStore.Collection);
        builder.Services.AddStore<IOfficerRoleStore, LiteDbOfficerRoleStore, PgOfficerRoleStore>();
        builder.Services.AddSingleton<OfficerRoster>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OfficerRoster>());
        builder.Services.AddSingleton<Actors>();
        builder.Services.AddSingleton<TurnActors>();
        builder.Services.AddSingleton<MemberDataService>();
        builder.Services.AddSingleton<IMemberDataOwner, StateMemberData>();
        return builder;
    }
}
