using Bot.Builder.State;
using Bot.Storage;
using LiteDB;

namespace Bot.Pledges;

/// <summary>Officers' /mopdangky and /dongdangky, one per plan; owned by the pledges feature.</summary>
public interface IRegistrationOverrideStore
{
    Task<IReadOnlyList<RegistrationOverride>> AllAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the plan's override; on disk when this returns.</summary>
    Task SaveAsync(RegistrationOverride value, CancellationToken cancellationToken = default);
}

public sealed class LiteDbRegistrationOverrideStore(LiteDatabase db, StorageWriter writer) : IRegistrationOverrideStore
{
    public const string Collection = "registration";

    public Task<IReadOnlyList<RegistrationOverride>> AllAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RegistrationOverride>>([.. db.GetCollection<RegistrationOverride>(Collection).FindAll()]);

    public Task SaveAsync(RegistrationOverride value, CancellationToken cancellationToken = default) =>
        UnitOfWork.CommitNowAsync(writer, new LiteWrite($"registration {value.PlanId}",
            d => d.GetCollection<RegistrationOverride>(Collection).Upsert(value)), cancellationToken);
}
