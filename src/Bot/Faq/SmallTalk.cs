using Bot.Builder.Recognizers;
using Bot.Content;

namespace Bot.Faq;

/// <summary>dialogs/faq/smalltalk.yaml: whole messages that are small talk or control words, not questions.</summary>
public sealed class SmallTalkFile
{
    /// <summary>Words that may surround small talk without changing it ("ạ", "ad ơi", "nhé").</summary>
    public List<string> Fillers { get; set; } = [];

    /// <summary>In priority order: "ok cảm ơn" is thanks when thanks comes first.</summary>
    public List<SmallTalkIntent> Intents { get; set; } = [];

    internal static SmallTalkFile Load(BotContent content, string path, List<string> problems)
    {
        if (!File.Exists(path)) return new SmallTalkFile();
        var file = YamlContent<SmallTalkFile>.Load(path, BotContent.Display(content.Root, path), problems);
        if (file.Value is not { } smallTalk) return new SmallTalkFile();
        for (var i = 0; i < smallTalk.Intents.Count; i++)
        {
            var intent = smallTalk.Intents[i];
            if (intent.Name.Length == 0) problems.Add(file.Problem($"intents[{i}].name", "needs a name"));
            if (intent.Phrases.Count == 0) problems.Add(file.Problem($"intents[{i}].phrases", "needs at least one phrase"));
            if (!content.Texts.Entries.ContainsKey(intent.ReplyKey)) problems.Add(file.Problem($"intents[{i}]", $"no text '{intent.ReplyKey}' in dialogs/texts"));
        }
        return smallTalk;
    }
}

public sealed class SmallTalkIntent
{
    public string Name { get; set; } = "";
    public List<string> Phrases { get; set; } = [];

    /// <summary>The text answered (default smalltalk.&lt;name&gt;); "core.help" for "what can you do".</summary>
    public string? Reply { get; set; }

    public string ReplyKey => Reply ?? $"smalltalk.{Name}";
}

/// <summary>
/// Recognises a message that is nothing but small talk: every word belongs to a phrase of some intent or is a
/// filler, so "ok", "cảm ơn ad nhiều nha", "hiii" are small talk, but "ok đợt 2 bắt đầu khi nào" is a question.
/// </summary>
public sealed class SmallTalk
{
    private const int MaxWords = 10;

    private readonly HashSet<string> _fillers;
    private readonly List<(SmallTalkIntent Intent, string[][] Phrases)> _intents;

    private readonly Func<string, string>? _normalize;

    /// <param name="normalize">The FAQ's rewriting of chat shorthand ("dc" → "được", "j" → "gì"), tried when the message as typed is not small talk.</param>
    public SmallTalk(SmallTalkFile file, Func<string, string>? normalize = null)
    {
        _normalize = normalize;
        _fillers = [.. file.Fillers.Select(VietnameseText.Fold)];
        // Fillers are dropped from the phrases too, so "what can you do" still matches once "you" is let go.
        _intents = [.. file.Intents.Select(i => (i, i.Phrases.Select(p => Words(p).Where(w => !_fillers.Contains(w)).ToArray()).Where(p => p.Length > 0).OrderByDescending(p => p.Length).ToArray()))];
    }

    public SmallTalkIntent? Recognize(string text) =>
        RecognizeAsTyped(text) ?? (_normalize?.Invoke(text) is { Length: > 0 } normalized && normalized != text ? RecognizeAsTyped(normalized) : null);

    private SmallTalkIntent? RecognizeAsTyped(string text)
    {
        var words = Words(text).Where(w => !_fillers.Contains(w)).ToArray();
        // "👍" has no words: a message that is exactly a phrase (an emoji) is recognised as typed.
        if (words.Length == 0) return _intents.FirstOrDefault(i => i.Intent.Phrases.Contains(text.Trim())).Intent;
        if (words.Length > MaxWords) return null;
        SmallTalkIntent? first = null;
        var firstRank = int.MaxValue;
        for (var i = 0; i < words.Length;)
        {
            var (rank, length) = Longest(words, i);
            if (length == 0) return null;
            if (rank < firstRank) (first, firstRank) = (_intents[rank].Intent, rank);
            i += length;
        }
        return first;
    }

    private (int Rank, int Length) Longest(string[] words, int start)
    {
        var best = (Rank: -1, Length: 0);
        for (var r = 0; r < _intents.Count; r++)
            foreach (var phrase in _intents[r].Phrases)
                if (phrase.Length > best.Length && start + phrase.Length <= words.Length && words.AsSpan(start, phrase.Length).SequenceEqual(phrase))
                    best = (r, phrase.Length);
        return best;
    }

    /// <summary>Folded words with held keys let go ("hiii", "okkk" → "hi", "ok").</summary>
    private static string[] Words(string text) =>
        [.. VietnameseText.Words(text).Select(w => WordRepair.Spellings(w).FirstOrDefault() ?? w)];
}
