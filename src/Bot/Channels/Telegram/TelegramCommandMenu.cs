using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Bot.Content;
using Bot.Conversations;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Bot.Channels.Telegram;

/// <summary>
/// The command menu Telegram shows beside the message box (setMyCommands): Vietnamese by default, English for
/// clients set to English; one list for private chats, a shorter one for groups, and officers' private chats with
/// their commands too. Names and descriptions come from dialogs/texts/telegram.yaml; only commands this bot
/// actually has are listed, so a feature's commands appear once it is installed.
/// </summary>
public sealed partial class TelegramCommandMenu(
    ITelegramBotClient client,
    IEnumerable<ICommand> commands,
    Officers officers,
    Texts texts,
    TelegramErrors errors,
    ILogger<TelegramCommandMenu> logger)
{
    /// <summary>Menu order, and whether the command also makes sense typed in a group.</summary>
    public static readonly IReadOnlyList<(string Id, bool InGroups)> Entries =
    [
        ("start", false), ("help", true), ("movements", true), ("phase", true), ("pledge", true), ("mypledges", false),
        ("ask", true), ("language", false), ("deletemydata", false),
        ("pledges", false), ("export", false), ("openregistration", false), ("closeregistration", false), ("kickoff", false), ("broadcast", false), ("schedule", false), ("stopbroadcast", false),
        ("reload", false), ("status", false), ("backup", false),
    ];

    public sealed record Lists(IReadOnlyList<BotCommand> Private, IReadOnlyList<BotCommand> Groups, IReadOnlyList<BotCommand> Officers);

    private static readonly (string Language, string? Code)[] MenuLanguages = [(Languages.Vietnamese, null), (Languages.English, "en")];

    // Officers whose chat Telegram did not know yet ("chat not found"): their menu goes up when they first write.
    private readonly ConcurrentDictionary<long, byte> _officersPending = new();

    /// <summary>
    /// Publishes the menu beside receiving, not before it: it is a request per language, scope and officer, each a round
    /// trip to Telegram, and after a restart the updates Telegram kept are waiting to be answered meanwhile.
    /// </summary>
    public void StartPublishing(CancellationToken ct) => _ = Task.Run(async () =>
    {
        try
        {
            await PublishAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not publish the Telegram command menu");
        }
    }, CancellationToken.None);

    public async Task PublishAsync(CancellationToken ct)
    {
        foreach (var (language, code) in MenuLanguages)
        {
            var lists = Build(language);
            await SetAsync(lists.Private, BotCommandScope.Default(), code, "private chats", ct);
            await SetAsync(lists.Groups, BotCommandScope.AllGroupChats(), code, "groups", ct);
        }
        foreach (var (channel, userId) in officers.All)
        {
            if (channel != TelegramUpdateTranslator.Channel || !long.TryParse(userId, out var id)) continue;
            // Pending before the attempt, not after it failed: the menu goes up beside receiving, and an officer who
            // writes meanwhile must find it pending (their first message then publishes it).
            _officersPending.TryAdd(id, 0);
            if (await PublishOfficerAsync(id, ct)) _officersPending.TryRemove(id, out _);
        }
    }

    /// <summary>Called for every private message: an officer the menu could not reach at start gets it now.</summary>
    public async Task OnPrivateContactAsync(string userId, CancellationToken ct)
    {
        if (_officersPending.IsEmpty || !long.TryParse(userId, out var id) || !_officersPending.TryRemove(id, out _)) return;
        if (!await PublishOfficerAsync(id, ct)) _officersPending.TryAdd(id, 0);
    }

    private async Task<bool> PublishOfficerAsync(long id, CancellationToken ct)
    {
        var ok = true;
        foreach (var (language, code) in MenuLanguages)
            ok &= await SetAsync(Build(language).Officers, BotCommandScope.Chat(id), code, $"officer {id}", ct);
        return ok;
    }

    public Lists Build(string language)
    {
        var all = new List<(BotCommand Command, bool InGroups, bool Officer)>();
        foreach (var (id, inGroups) in Entries)
        {
            if (!texts.Has(NameKey(id)) || !texts.Has(AboutKey(id))) continue;
            var name = texts.Get(language, NameKey(id));
            if (!IsValidName(name))
            {
                logger.LogError("dialogs/texts/telegram.yaml: {Key} ({Language}) '{Name}' is not a valid Telegram command (a-z, 0-9, _; at most 32); left out of the menu", NameKey(id), language, name);
                continue;
            }
            var command = commands.FirstOrDefault(c => c.Names.Contains(name, StringComparer.OrdinalIgnoreCase));
            if (command is null) continue; // that feature is not installed
            all.Add((new BotCommand(name, TextFormat.ToPlain(texts.Get(language, AboutKey(id)))), inGroups, command.OfficerOnly));
        }
        return new Lists(
            [.. all.Where(c => !c.Officer).Select(c => c.Command)],
            [.. all.Where(c => c.InGroups && !c.Officer).Select(c => c.Command)],
            [.. all.Select(c => c.Command)]);
    }

    public static string NameKey(string id) => $"telegram.command-{id}";

    public static string AboutKey(string id) => $"telegram.command-{id}-about";

    public static bool IsValidName(string name) => CommandName().IsMatch(name);

    private async Task<bool> SetAsync(IReadOnlyList<BotCommand> list, BotCommandScope scope, string? language, string what, CancellationToken ct)
    {
        try
        {
            await client.SetMyCommands(list, scope, language, ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An officer who never opened the bot is "chat not found": the rest of the menu still goes up.
            logger.LogWarning("Could not set the Telegram command menu for {What} ({Language}): {Problem}", what, language ?? "vi", errors.Redact(ex.Message));
            return false;
        }
    }

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();
}
