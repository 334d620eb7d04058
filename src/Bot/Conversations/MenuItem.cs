namespace Bot.Conversations;

/// <summary>An entry of the main menu: the command it runs and the text key of its label.</summary>
public sealed record MenuItem(string Command, string LabelKey, int Order);

public sealed class Menu(IEnumerable<MenuItem> items, Say say)
{
    public async Task<IReadOnlyList<Choice>> ChoicesAsync(ITurnContext turn)
    {
        var language = await say.LanguageAsync(turn);
        return [.. items.OrderBy(i => i.Order).Select(i => new Choice(i.Command, say.Texts.Get(language, i.LabelKey)))];
    }

    public async Task ShowAsync(ITurnContext turn, string textKey, params (string Name, object? Value)[] args) =>
        await turn.SendAsync(new Reply { Text = await say.TextAsync(turn, textKey, args), Choices = await ChoicesAsync(turn) });
}
