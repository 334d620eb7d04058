using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Bot.Builder.Recognizers;

namespace Bot.Faq;

/// <summary>Who a text names: a person ("Nguyễn Đình Khang", a byline), or the holder of an office a question asks about.</summary>
public sealed partial class AnswerSentences
{
    /// <summary>
    /// The office a "who holds it" question asks about ("thủ tướng là ai" → thu tuong), or null: when the question
    /// is not of that form, names a person itself ("Nguyễn Đình Khang là ai" asks for the office), asks about "the
    /// person who did" something ("ai là người phát biểu"), or is too long to be an office.
    /// </summary>
    public string[]? Office(string question)
    {
        var words = VietnameseText.Words(question);
        foreach (var phrase in _identity)
            for (var i = 0; i + phrase.Length <= words.Length; i++)
            {
                if (!words.AsSpan(i, phrase.Length).SequenceEqual(phrase)) continue;
                // "X là ai": X before; "ai là X", "who is X": X after.
                var before = words[..i].Where(w => !_identityFillers.Contains(w)).ToArray();
                var after = words[(i + phrase.Length)..].Where(w => !_identityFillers.Contains(w)).ToArray();
                var office = before.Length > 0 && after.Length == 0 ? before : after.Length > 0 && before.Length == 0 ? after : null;
                // "ai là người phát biểu", "who was the official who reported": who did something, not who holds an office.
                if (office is null || office.Length > IdentityWords || office[0] is "nguoi" or "person" or "one"
                    || office.Any(w => w is "who" or "which" or "that" or "whom" or "ai" or "nao")) return null;
                return office.Any(_familyNames.Contains) || WritesAName(question, office) ? null : office;
            }
        return null;
    }

    /// <summary>
    /// "who is Hau A Lenh": three or more capitalised words in a row that hold the "office" are a person's full name
    /// whatever the family name (an office is two words, or has "of", "the", "của" between: "Chủ tịch Tổng Liên đoàn").
    /// </summary>
    private static bool WritesAName(string question, string[] office)
    {
        var tokens = Tokens().Matches(question).Select(m => m.Value).ToArray();
        for (var i = 0; i < tokens.Length; i++)
        {
            var j = i;
            while (j < tokens.Length && char.IsUpper(tokens[j][0])) j++;
            if (j - i >= 3 && tokens[i..j].Select(t => VietnameseText.Fold(t).ToLowerInvariant()).Intersect(office).Any()) return true;
            i = j;
        }
        return false;
    }

    /// <summary>A person's name: a family name, capitalised, followed by a capitalised word ("Hoàng Văn Trinh", "ĐẶNG LỢI").</summary>
    private bool NamesPerson(string text) => _namesPerson.GetValue(text, t => new StrongBox<bool>(FindsPerson(t))).Value;

    private readonly ConditionalWeakTable<string, StrongBox<bool>> _namesPerson = new();

    private bool FindsPerson(string text)
    {
        var tokens = Tokens().Matches(text).Select(m => m.Value).ToArray();
        for (var j = 0; j + 1 < tokens.Length; j++)
            if (char.IsUpper(tokens[j][0]) && char.IsUpper(tokens[j + 1][0]) && _familyNames.Contains(VietnameseText.Fold(tokens[j]))) return true;
        return false;
    }

    /// <summary>Whether a text names a person right after the office: "Chủ tịch Tổng LĐLĐ Việt Nam Nguyễn Đình Khang".</summary>
    public bool NamesHolder(string text, string[] office)
    {
        var tokens = Tokens().Matches(text).Select(m => m.Value).ToArray();
        var folded = tokens.Select(VietnameseText.Fold).ToArray();
        var head = office.Take(2).ToArray();
        for (var i = 0; i + head.Length <= folded.Length; i++)
        {
            if (!folded.AsSpan(i, head.Length).SequenceEqual(head)) continue;
            for (var j = i + head.Length; j < Math.Min(folded.Length - 1, i + head.Length + NameWindow); j++)
                if (_familyNames.Contains(folded[j]) && char.IsUpper(tokens[j][0]) && char.IsUpper(tokens[j + 1][0])) return true;
        }
        return false;
    }
}
