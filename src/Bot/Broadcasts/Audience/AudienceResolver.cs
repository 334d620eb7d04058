using System.Text.Json.Nodes;
using Bot.Audience;
using Bot.Broadcasts.Outbox;
using Bot.Builder.State;
using Bot.Content;
using Bot.Conversations;

namespace Bot.Broadcasts.Audience;

/// <summary>
/// Who receives a broadcast: the reachable chats of the chat directory on channels that are running, narrowed by
/// kind (groups, members or both) and optionally to one plan's or one unit's members. Groups first: one message
/// there reaches many people.
/// </summary>
public sealed class AudienceResolver(IChatDirectory chats, IAudienceFilter filter, IStateStore state, IEnumerable<IChannelConnector> connectors)
{
    private readonly HashSet<string> _channels = new(connectors.Select(c => c.Channel), StringComparer.OrdinalIgnoreCase);

    public Task<bool> CanFilterAsync(CancellationToken ct) => filter.AvailableAsync(ct);

    public Task<IReadOnlyList<string>> UnitsAsync(CancellationToken ct) => filter.UnitsAsync(ct);

    public async Task<IReadOnlyList<Recipient>> ResolveAsync(AudienceSpec spec, CancellationToken ct)
    {
        IEnumerable<KnownChat> found = (await chats.ReachableAsync(ct)).Where(c => _channels.Contains(c.Channel));
        found = spec.Kind switch
        {
            AudienceKind.Groups => found.Where(c => c.Kind == ChatKind.Group),
            AudienceKind.Members => found.Where(c => c.Kind == ChatKind.Private),
            _ => found,
        };
        if (spec.Filtered)
        {
            // Plans and units belong to members, not groups: a narrowed broadcast goes to private chats only.
            var members = await filter.AvailableAsync(ct) ? await filter.PrivateChatsAsync(spec.PlanId, spec.Unit, ct) : new HashSet<string>();
            found = found.Where(c => c.Kind == ChatKind.Private && members.Contains(c.Id));
        }
        var recipients = new List<Recipient>();
        foreach (var chat in found.OrderBy(c => c.Kind == ChatKind.Group ? 0 : 1).ThenBy(c => c.FirstSeen).ThenBy(c => c.Id, StringComparer.Ordinal))
            recipients.Add(new Recipient(chat.Channel, chat.ChatId, chat.Kind, await LanguageOfAsync(chat, ct), chat.Title));
        return recipients;
    }

    /// <summary>
    /// A member's language is what they chose with /ngonngu (their user state; in a private chat the chat id is the
    /// user id), else their client's. Groups get Vietnamese: their "language" is only that of whoever spoke last.
    /// </summary>
    public async Task<string> LanguageOfAsync(KnownChat chat, CancellationToken ct)
    {
        if (chat.Kind == ChatKind.Group) return Languages.Vietnamese;
        return await ChosenLanguageAsync(chat.Channel, chat.ChatId, ct) ?? chat.Language;
    }

    public async Task<string> LanguageOfAsync(string channel, string userId, CancellationToken ct) =>
        await ChosenLanguageAsync(channel, userId, ct) ?? (await chats.FindAsync(channel, userId, ct))?.Language ?? Languages.Vietnamese;

    private async Task<string?> ChosenLanguageAsync(string channel, string userId, CancellationToken ct)
    {
        var key = StateKeys.For(StateScope.User, new Activity { Channel = channel, ChatId = userId, UserId = userId });
        var doc = await state.ReadAsync(key, ct);
        if (doc is null) return null;
        return JsonNode.Parse(doc.Json)?[Say.LanguageProperty]?.GetValue<string>() is { } lang ? Languages.Normalize(lang) : null;
    }

    public static (int Groups, int Members) Count(IReadOnlyList<Recipient> recipients) =>
        (recipients.Count(r => r.Kind == ChatKind.Group), recipients.Count(r => r.Kind == ChatKind.Private));
}
