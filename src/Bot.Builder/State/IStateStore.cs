namespace Bot.Builder.State;

/// <summary>A stored state document. <see cref="Version"/> is the optimistic-concurrency token: 0 means "not stored yet".</summary>
public sealed record StateDocument(string Key, long Version, string Json, DateTimeOffset UpdatedAt);

public sealed class StateConflictException(string key, long expected)
    : Exception($"State '{key}' was changed by someone else (expected version {expected}).")
{
    public string Key { get; } = key;
}

/// <summary>Storage behind the bot state. Writes are conditional on the version the caller read.</summary>
public interface IStateStore
{
    Task<StateDocument?> ReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Writes <paramref name="json"/> if the stored version still equals <paramref name="expectedVersion"/>; returns the new version.</summary>
    /// <exception cref="StateConflictException">Someone else wrote first.</exception>
    Task<long> WriteAsync(string key, string json, long expectedVersion, CancellationToken cancellationToken = default);

    Task DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the document at <paramref name="fromPrefix"/> and every one under "<paramref name="fromPrefix"/>/" to the same key
    /// under <paramref name="toPrefix"/> (a chat that changed id, e.g. a Telegram group upgraded to a supergroup).
    /// A document already at the new key is kept. Returns how many documents moved.
    /// </summary>
    Task<int> MovePrefixAsync(string fromPrefix, string toPrefix, CancellationToken cancellationToken = default);
}
