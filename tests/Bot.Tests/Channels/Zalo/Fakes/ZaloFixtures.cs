using System.Text.Json.Nodes;

namespace Bot.Tests.Channels.Zalo.Fakes;

/// <summary>Events copied from zalo.md §1.4 (Fixtures/*.json), with the fields a test cares about replaced.</summary>
internal static class ZaloFixtures
{
    private static int _next;

    public static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Channels", "Zalo", "Fixtures", name)))!.AsObject();

    /// <summary>The event itself: what getUpdates puts in "result" and a webhook may post bare.</summary>
    public static JsonObject Event(string name) => Load(name)["result"]?.DeepClone().AsObject() ?? Load(name);

    public static JsonObject Text(string text, string userId = "u1", string? chatId = null, bool group = false, string name = "Nguyễn Văn An", string? messageId = null) =>
        From("text-private.json", userId, chatId, group, name, messageId, m => m["text"] = text);

    /// <summary>A fixture event sent by this member in this chat, with a fresh message id unless one is given.</summary>
    public static JsonObject From(string fixture, string userId = "u1", string? chatId = null, bool group = false, string name = "Nguyễn Văn An", string? messageId = null, Action<JsonObject>? change = null)
    {
        var e = Event(fixture);
        var m = e["message"]!.AsObject();
        m["from"]!["id"] = userId;
        m["from"]!["display_name"] = name;
        m["chat"]!["id"] = chatId ?? userId;
        m["chat"]!["chat_type"] = group ? "GROUP" : "PRIVATE";
        m["message_id"] = messageId ?? $"{Interlocked.Increment(ref _next):x8}{Guid.NewGuid():N}"[..20];
        change?.Invoke(m);
        return e;
    }
}
