using System.Globalization;
using Bot.Content;

namespace Bot.Broadcasts;

/// <summary>Durations, local times and recipient names as officers read them (the words come from texts/broadcast.yaml).</summary>
internal static class BroadcastFormat
{
    /// <summary>
    /// A text whose values include pieces that are already HTML (other texts, such as a duration): the plain values are
    /// escaped, the HTML pieces are not escaped twice, and both go in in one pass.
    /// </summary>
    public static string Html(Texts texts, string lang, string key, (string Name, object? Value)[] values, params (string Name, string Html)[] html) =>
        texts.Get(lang, key, values, html);

    public static string Duration(Texts texts, string lang, TimeSpan span)
    {
        var s = (long)Math.Ceiling(Math.Max(0, span.TotalSeconds));
        return s switch
        {
            < 60 => texts.Get(lang, "broadcast.duration-seconds", ("seconds", s)),
            < 3600 => texts.Get(lang, "broadcast.duration-minutes", ("minutes", s / 60), ("seconds", s % 60)),
            _ => texts.Get(lang, "broadcast.duration-hours", ("hours", s / 3600), ("minutes", s % 3600 / 60)),
        };
    }

    public static string LocalTime(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Recipient(Texts texts, string lang, string? title, ChatKind kind, string chatId) =>
        // A group that removed the bot (or was never seen with a title) has none: it is named by its id.
        !string.IsNullOrWhiteSpace(title)
            ? texts.Get(lang, kind == ChatKind.Group ? "broadcast.recipient-group" : "broadcast.recipient-member", ("name", title), ("id", chatId))
            : texts.Get(lang, kind == ChatKind.Group ? "broadcast.recipient-group-untitled" : "broadcast.recipient-member-untitled", ("id", chatId));

    /// <summary>Platform error texts can be long; the report needs the gist.</summary>
    public static string Reason(string? reason) =>
        reason is null ? "" : reason.Length <= 160 ? reason : reason[..157] + "…";
}
