using Bot.Audience;

namespace Bot.Tests.Testing;

/// <summary>The chat directory as tests arrange and check it, in one line (the LiteDB directory completes at once).</summary>
internal static class ChatDirectoryTestKit
{
    public static KnownChat? Find(this IChatDirectory chats, string channel, string chatId) => chats.FindAsync(channel, chatId).GetAwaiter().GetResult();

    public static IReadOnlyList<KnownChat> Reachable(this IChatDirectory chats) => chats.ReachableAsync().GetAwaiter().GetResult();

    public static void Seen(this IChatDirectory chats, Activity activity) => chats.SeenAsync(activity).GetAwaiter().GetResult();

    public static void MarkUnreachable(this IChatDirectory chats, string channel, string chatId, string reason) =>
        chats.MarkUnreachableAsync(channel, chatId, reason).GetAwaiter().GetResult();
}
