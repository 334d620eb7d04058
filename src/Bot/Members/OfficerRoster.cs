using Bot.Builder.State;
using Bot.Conversations;
using Bot.Storage;
using LiteDB;

namespace Bot.Members;

/// <summary>A stored officer role and where it came from ("settings" for Officers:* in configuration).</summary>
public sealed class StoredOfficerRole
{
    [BsonId]
    public string Id { get; set; } = "";
    public string Channel { get; set; } = "";
    public string UserId { get; set; } = "";

    /// <summary>Null: an officer of every plan.</summary>
    public string? PlanId { get; set; }

    public string Source { get; set; } = "";

    public OfficerRole ToRole() => new(Channel, UserId, PlanId);

    public static StoredOfficerRole From(OfficerRole role, string source) => new()
    {
        Id = $"{role.Channel}:{role.UserId}@{role.PlanId ?? "*"}", Channel = role.Channel, UserId = role.UserId, PlanId = role.PlanId, Source = source,
    };
}

/// <summary>Who is officer of which plan: data, owned by the members feature.</summary>
public interface IOfficerRoleStore
{
    Task<IReadOnlyList<StoredOfficerRole>> AllAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces every role from <paramref name="source"/> with these (roles from other sources stay).</summary>
    Task ReplaceAsync(string source, IReadOnlyList<OfficerRole> roles, CancellationToken cancellationToken = default);
}

public sealed class LiteDbOfficerRoleStore(LiteDatabase db, StorageWriter writer) : IOfficerRoleStore
{
    public const string Collection = "officer_roles";

    public Task<IReadOnlyList<StoredOfficerRole>> AllAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredOfficerRole>>([.. db.GetCollection<StoredOfficerRole>(Collection).FindAll()]);

    public Task ReplaceAsync(string source, IReadOnlyList<OfficerRole> roles, CancellationToken cancellationToken = default) =>
        UnitOfWork.CommitNowAsync(writer, new LiteWrite($"officer roles from {source}", d =>
        {
            var stored = d.GetCollection<StoredOfficerRole>(Collection);
            stored.DeleteMany(LiteQuery.Equal(nameof(StoredOfficerRole.Source), source));
            stored.Upsert(roles.Select(r => StoredOfficerRole.From(r, source)));
        }), cancellationToken);
}

/// <summary>
/// The officer roles every officer check reads, in memory (checked on every command and button). Loaded from the
/// store at start after the roles in settings are written there; when settings change, the new roles apply at once
/// and are stored behind.
/// </summary>
public sealed class OfficerRoster(IOfficerRoleStore store, IOptionsMonitor<OfficerOptions> options, ILogger<OfficerRoster> logger) : IHostedService, IDisposable
{
    public const string SettingsSource = "settings";
    private volatile IReadOnlyList<StoredOfficerRole> _roles = [];
    private IDisposable? _subscription;

    public IReadOnlyList<OfficerRole> RolesOf(string channel, string userId) =>
        [.. _roles.Where(r => r.Channel.Equals(channel, StringComparison.OrdinalIgnoreCase) && r.UserId.Equals(userId, StringComparison.OrdinalIgnoreCase)).Select(r => r.ToRole())];

    public IReadOnlyList<OfficerRole> All => [.. _roles.Select(r => r.ToRole())];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var fromSettings = FromSettings(options.CurrentValue);
        await store.ReplaceAsync(SettingsSource, fromSettings, cancellationToken);
        _roles = await store.AllAsync(cancellationToken);
        _subscription = options.OnChange(o => _ = ReseedAsync(o));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _subscription?.Dispose();

    /// <summary>Officers:Users are officers of every plan; Officers:Plans:{planId} of that plan only.</summary>
    public static IReadOnlyList<OfficerRole> FromSettings(OfficerOptions o) =>
    [
        .. o.Users.Select(u => Parse(u, null)).OfType<OfficerRole>(),
        .. o.Plans.SelectMany(p => p.Value.Select(u => Parse(u, p.Key))).OfType<OfficerRole>(),
    ];

    private async Task ReseedAsync(OfficerOptions changed)
    {
        var fromSettings = FromSettings(changed);
        // Applied in memory first: a removed officer loses the right with the next turn, not after a write.
        _roles = [.. _roles.Where(r => r.Source != SettingsSource), .. fromSettings.Select(r => StoredOfficerRole.From(r, SettingsSource))];
        try
        {
            await store.ReplaceAsync(SettingsSource, fromSettings);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not store the officer roles from changed settings");
        }
    }

    private static OfficerRole? Parse(string entry, string? planId) =>
        entry.Split(':', 2) is [var channel, var userId] && channel.Length > 0 && userId.Length > 0 ? new OfficerRole(channel, userId, planId) : null;
}
