using System.Globalization;

namespace Bot.Builder.Recognizers;

/// <summary>Whole numbers as digits ("2", "số 2", "đợt 2") or Vietnamese/English words up to ten.</summary>
public static class NumberRecognizer
{
    private static readonly Dictionary<string, int> Words = new(StringComparer.Ordinal)
    {
        ["khong"] = 0, ["mot"] = 1, ["nhat"] = 1, ["hai"] = 2, ["nhi"] = 2, ["ba"] = 3, ["bon"] = 4, ["tu"] = 4,
        ["nam"] = 5, ["sau"] = 6, ["bay"] = 7, ["tam"] = 8, ["chin"] = 9, ["muoi"] = 10,
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
    };

    public static int? Recognize(string? text)
    {
        var words = VietnameseText.Words(text);
        if (words.Length is 0 or > 3) return null;
        foreach (var w in words)
            if (int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        // Word numbers only when the answer is just that word (or "so"/"thu" + word), so "nam" in a sentence is not 5.
        var last = words[^1];
        var prefixOk = words.Length == 1 || (words.Length == 2 && words[0] is "so" or "thu" or "dot" or "number");
        return prefixOk && Words.TryGetValue(last, out var v) ? v : null;
    }
}
