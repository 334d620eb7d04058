using System.Globalization;
using System.Text.Json;

namespace Bot.Channels.Zalo.Api;

/// <summary>
/// Reads Zalo events tolerantly: the copies of the docs and the live API disagree on field names and types
/// (zalo.md §1.4), so ids may be strings or numbers, the name may be display_name, first_name or name,
/// the event may come bare or inside {ok, result}, and event_name may be missing.
/// </summary>
public static class ZaloUpdateParser
{
    public static IReadOnlyList<ZaloUpdate> Parse(JsonElement root)
    {
        var updates = new List<ZaloUpdate>();
        Collect(root, updates, depth: 0);
        return updates;
    }

    private static void Collect(JsonElement e, List<ZaloUpdate> into, int depth)
    {
        if (depth > 3) return;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray()) Collect(item, into, depth + 1);
            return;
        }
        if (e.ValueKind != JsonValueKind.Object) return;
        if (e.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object)
        {
            if (ReadMessage(message) is { } m) into.Add(new ZaloUpdate(String(e, "event_name"), m));
            return;
        }
        if (e.TryGetProperty("result", out var result)) Collect(result, into, depth + 1);
    }

    private static ZaloMessage? ReadMessage(JsonElement m)
    {
        var from = Object(m, "from");
        var chat = Object(m, "chat");
        var fromId = from is { } f ? String(f, "id") : null;
        var chatId = (chat is { } c ? String(c, "id") : null) ?? fromId;
        if (chatId is null) return null;
        var chatType = chat is { } ct ? String(ct, "chat_type") ?? String(ct, "type") : null;
        return new ZaloMessage
        {
            MessageId = String(m, "message_id") ?? String(m, "msg_id"),
            ChatId = chatId,
            // Without chat_type, a chat that is not the sender's own private chat is a group.
            IsGroup = chatType is not null ? chatType.Equals("GROUP", StringComparison.OrdinalIgnoreCase) : fromId is not null && chatId != fromId,
            FromId = fromId ?? chatId,
            FromName = from is { } n ? Name(n) : "",
            FromIsBot = from is { } b && b.TryGetProperty("is_bot", out var isBot) && isBot.ValueKind == JsonValueKind.True,
            Date = Date(m),
            Text = String(m, "text"),
            Caption = String(m, "caption"),
            PhotoUrl = String(m, "photo") ?? String(m, "photo_url"),
            Sticker = String(m, "sticker"),
        };
    }

    private static string Name(JsonElement from)
    {
        var display = String(from, "display_name");
        if (display is not null) return display;
        var first = String(from, "first_name");
        if (first is not null) return String(from, "last_name") is { } last ? $"{first} {last}" : first;
        return String(from, "name") ?? "";
    }

    private static DateTimeOffset? Date(JsonElement m)
    {
        if (!m.TryGetProperty("date", out var d)) return null;
        long value;
        if (d.ValueKind == JsonValueKind.Number && d.TryGetInt64(out var n)) value = n;
        else if (d.ValueKind == JsonValueKind.String && long.TryParse(d.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s)) value = s;
        else return null;
        // The docs say milliseconds; a value this small can only be seconds.
        if (value < 100_000_000_000) value *= 1000;
        try
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(value);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static JsonElement? Object(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    /// <summary>A string, or a number read as its digits (ids are opaque strings, but some copies print them as numbers).</summary>
    internal static string? String(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v)) return null;
        var s = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(s) ? null : s;
    }
}
