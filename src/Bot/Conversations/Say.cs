using Bot.Builder.State;
using Bot.Content;

namespace Bot.Conversations;

/// <summary>Picks the member's language and the text for a key. The one way dialogs put words in the bot's mouth.</summary>
public sealed class Say(Texts texts)
{
    public const string LanguageProperty = "language";

    public Texts Texts => texts;

    public async Task<string> LanguageAsync(ITurnContext turn, CancellationToken ct = default) =>
        await turn.State.GetAsync<string>(StateScope.User, LanguageProperty, ct) ?? Languages.Normalize(turn.Activity.Language);

    public async Task<string> TextAsync(ITurnContext turn, string key, params (string Name, object? Value)[] args) =>
        texts.Get(await LanguageAsync(turn), key, args);

    public async Task<string?> SendAsync(ITurnContext turn, string key, params (string Name, object? Value)[] args) =>
        await turn.SendAsync(await TextAsync(turn, key, args));

    public async Task<string?> SendAsync(ITurnContext turn, string key, IReadOnlyList<Choice> choices, params (string Name, object? Value)[] args) =>
        await turn.SendAsync(new Reply { Text = await TextAsync(turn, key, args), Choices = choices });

    /// <summary>For engine callbacks that must answer synchronously: the language from the activity only.</summary>
    public string Now(ITurnContext turn, string key) => texts.Get(Languages.Normalize(turn.Activity.Language), key);
}
