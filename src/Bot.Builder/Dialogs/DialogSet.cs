namespace Bot.Builder.Dialogs;

public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet Add(Dialog dialog)
    {
        if (!_dialogs.TryAdd(dialog.Id, dialog))
            throw new InvalidOperationException($"A dialog with id '{dialog.Id}' is already registered.");
        return this;
    }

    public Dialog? Find(string id) => _dialogs.GetValueOrDefault(id);

    public IEnumerable<Dialog> All => _dialogs.Values;
}
