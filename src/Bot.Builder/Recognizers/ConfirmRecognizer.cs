namespace Bot.Builder.Recognizers;

/// <summary>Yes/no in Vietnamese and English, with or without diacritics (words are matched after folding).</summary>
public static class ConfirmRecognizer
{
    // Multi-word phrases first: "khong phai" is a no although "phai" alone is a yes.
    private static readonly string[] NoPhrases = ["khong phai", "khong dung", "chua dung", "khong dong y", "no thanks"];
    private static readonly string[] YesPhrases = ["dong y", "chinh xac", "dung roi", "xac nhan", "chac chan"];
    private static readonly HashSet<string> NoWords = ["khong", "ko", "k", "kg", "hong", "hok", "sai", "no", "n", "nope", "huy", "chua"];
    private static readonly HashSet<string> YesWords = ["co", "u", "uh", "um", "vang", "da", "dung", "ok", "oke", "okay", "yes", "y", "yep", "phai", "roi", "duoc", "dc", "gui", "luu"];

    public static bool? Recognize(string? text)
    {
        var words = VietnameseText.Words(text);
        if (words.Length == 0) return null;
        var joined = string.Join(' ', words);
        if (NoPhrases.Any(p => ContainsPhrase(joined, p))) return false;
        if (YesPhrases.Any(p => ContainsPhrase(joined, p))) return true;
        if (words.Length > 4) return null; // a sentence, not an answer
        if (words.Any(NoWords.Contains)) return false;
        if (words.Any(YesWords.Contains)) return true;
        return null;
    }

    private static bool ContainsPhrase(string joined, string phrase) =>
        joined == phrase || joined.StartsWith(phrase + " ", StringComparison.Ordinal) ||
        joined.EndsWith(" " + phrase, StringComparison.Ordinal) || joined.Contains(" " + phrase + " ", StringComparison.Ordinal);
}
