namespace Bot.Audience;

/// <summary>How an activity changes a known chat; the same rules for every storage.</summary>
public static class ChatChanges
{
    /// <summary>How stale LastSeen may get before a turn refreshes it (it only says whether a chat is still alive).</summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromHours(1);

    /// <summary>True when the activity changes nothing but LastSeen; <paramref name="stale"/> says whether LastSeen is due a refresh.</summary>
    public static bool Unchanged(KnownChat chat, Activity activity, DateTime now, out bool stale)
    {
        stale = now - chat.LastSeen >= LastSeenResolution;
        var copy = new KnownChat
        {
            Id = chat.Id, Channel = chat.Channel, ChatId = chat.ChatId, Kind = chat.Kind, Title = chat.Title, Language = chat.Language,
            Active = chat.Active, UnreachableReason = chat.UnreachableReason, FirstSeen = chat.FirstSeen, LastSeen = chat.LastSeen,
        };
        Apply(copy, activity, chat.LastSeen);
        return copy.Active == chat.Active && copy.UnreachableReason == chat.UnreachableReason && copy.Title == chat.Title
            && copy.Language == chat.Language;
    }

    public static void Apply(KnownChat chat, Activity activity, DateTime now)
    {
        chat.LastSeen = now;
        chat.Active = activity.Kind != ActivityKind.BotRemoved;
        if (activity.Kind != ActivityKind.BotRemoved) chat.UnreachableReason = null;
        if (activity.ChatKind == ChatKind.Private && activity.UserName.Length > 0) chat.Title = activity.UserName;
        if (activity.Language is { } lang) chat.Language = Content.Languages.Normalize(lang);
    }
}
