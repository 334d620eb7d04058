namespace Bot.Builder.State;

/// <summary>
/// The state of one turn: each scope is read once, changed in memory, and written back once at the end
/// with an optimistic-concurrency check, so two writers can never silently overwrite each other.
/// </summary>
public sealed class TurnState(IStateStore store, Func<StateScope, string> keyOf)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<StateScope, Bag> _bags = [];

    public async Task<T?> GetAsync<T>(StateScope scope, string property, CancellationToken ct = default)
    {
        var bag = await LoadAsync(scope, ct);
        return bag.Values.TryGetPropertyValue(property, out var node) && node is not null
            ? node.Deserialize<T>(Json)
            : default;
    }

    public async Task SetAsync<T>(StateScope scope, string property, T value, CancellationToken ct = default)
    {
        var bag = await LoadAsync(scope, ct);
        var node = JsonSerializer.SerializeToNode(value, Json);
        // Setting what is already there changes nothing, and writes nothing at the end of the turn.
        if (bag.Values.TryGetPropertyValue(property, out var old) && JsonNode.DeepEquals(old, node)) return;
        bag.Values[property] = node;
        bag.Dirty = true;
    }

    public async Task RemoveAsync(StateScope scope, string property, CancellationToken ct = default)
    {
        var bag = await LoadAsync(scope, ct);
        bag.Dirty |= bag.Values.Remove(property);
    }

    /// <summary>Forgets everything in a scope (written at save time).</summary>
    public async Task ClearAsync(StateScope scope, CancellationToken ct = default)
    {
        var bag = await LoadAsync(scope, ct);
        bag.Values.Clear();
        bag.Dirty = true;
    }

    public async Task SaveChangesAsync(CancellationToken ct = default)
    {
        foreach (var (scope, bag) in _bags)
        {
            if (!bag.Dirty) continue;
            bag.Version = await store.WriteAsync(keyOf(scope), bag.Values.ToJsonString(Json), bag.Version, ct);
            bag.Dirty = false;
        }
    }

    /// <summary>Drops unsaved changes, e.g. after a failed turn.</summary>
    public void Discard() => _bags.Clear();

    private async Task<Bag> LoadAsync(StateScope scope, CancellationToken ct)
    {
        if (_bags.TryGetValue(scope, out var bag)) return bag;
        var doc = await store.ReadAsync(keyOf(scope), ct);
        var values = doc is null ? [] : JsonNode.Parse(doc.Json) as JsonObject ?? [];
        bag = new Bag(values) { Version = doc?.Version ?? 0 };
        _bags[scope] = bag;
        return bag;
    }

    private sealed class Bag(JsonObject values)
    {
        public JsonObject Values { get; } = values;
        public long Version { get; set; }
        public bool Dirty { get; set; }
    }
}
