namespace Bot.Builder.State;

/// <summary>
/// The state of one turn: each scope is read once, changed in memory, and written back once at the end
/// with an optimistic-concurrency check, so two writers can never silently overwrite each other. Values are kept as
/// <see cref="JsonElement"/>s, which read straight into a type: a <see cref="JsonNode"/> is written out and parsed again
/// on every typed read, and those round trips were the largest managed cost of a form step (docs/throughput.md).
/// The stored document is the same JSON text as before.
/// </summary>
public sealed class TurnState(IStateStore store, Func<StateScope, string> keyOf)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<StateScope, Bag> _bags = [];

    public async Task<T?> GetAsync<T>(StateScope scope, string property, CancellationToken ct = default)
    {
        var bag = await LoadAsync(scope, ct);
        return bag.Values.TryGetValue(property, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.Deserialize<T>(Json)
            : default;
    }

    public async Task SetAsync<T>(StateScope scope, string property, T value, CancellationToken ct = default)
    {
        var bag = await LoadAsync(scope, ct);
        var element = JsonSerializer.SerializeToElement(value, Json);
        // Setting what is already there changes nothing, and writes nothing at the end of the turn.
        if (bag.Values.TryGetValue(property, out var old) && JsonElement.DeepEquals(old, element)) return;
        bag.Values[property] = element;
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
            bag.Version = await store.WriteAsync(keyOf(scope), ToJson(bag.Values), bag.Version, ct);
            bag.Dirty = false;
        }
    }

    /// <summary>Drops unsaved changes, e.g. after a failed turn.</summary>
    public void Discard() => _bags.Clear();

    private async Task<Bag> LoadAsync(StateScope scope, CancellationToken ct)
    {
        if (_bags.TryGetValue(scope, out var bag)) return bag;
        var doc = await store.ReadAsync(keyOf(scope), ct);
        bag = new Bag(doc is null ? [] : Parse(doc.Json)) { Version = doc?.Version ?? 0 };
        _bags[scope] = bag;
        return bag;
    }

    private static OrderedDictionary<string, JsonElement> Parse(string json)
    {
        var values = new OrderedDictionary<string, JsonElement>(StringComparer.Ordinal);
        // A standalone element (not a pooled JsonDocument): the bag lives as long as the turn and is never disposed.
        var root = JsonSerializer.Deserialize<JsonElement>(json);
        if (root.ValueKind != JsonValueKind.Object) return values;
        foreach (var property in root.EnumerateObject()) values[property.Name] = property.Value;
        return values;
    }

    private static string ToJson(OrderedDictionary<string, JsonElement> values)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in values)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private sealed class Bag(OrderedDictionary<string, JsonElement> values)
    {
        public OrderedDictionary<string, JsonElement> Values { get; } = values;
        public long Version { get; set; }
        public bool Dirty { get; set; }
    }
}
