using Bot.Builder.Recognizers;

namespace Bot.Faq;

/// <summary>Number words to digits, where a number is meant ("đợt một", "lần thứ X"), and never where it is not.</summary>
public sealed partial class TextNormalizer
{
    private static readonly Dictionary<string, string> Roman = new(StringComparer.Ordinal)
    {
        ["i"] = "1", ["ii"] = "2", ["iii"] = "3", ["iv"] = "4", ["v"] = "5", ["vi"] = "6", ["vii"] = "7", ["viii"] = "8",
        ["ix"] = "9", ["x"] = "10", ["xi"] = "11", ["xii"] = "12", ["xiii"] = "13", ["xiv"] = "14", ["xv"] = "15",
        ["xvi"] = "16", ["xvii"] = "17", ["xviii"] = "18", ["xix"] = "19", ["xx"] = "20",
    };

    /// <summary>"đợt một" → "đợt 1", "năm nội dung" → "5 nội dung", "lần thứ X" → "lần thứ 10"; "năm 2021" stays a year.</summary>
    private void ConvertNumbers(List<string> words, bool typedWithDiacritics)
    {
        var folded = words.ConvertAll(VietnameseText.Fold);
        for (var i = 0; i < words.Count; i++)
        {
            var after = i > 0 && (_numberBefore.Contains(folded[i - 1]) || (i > 1 && _numberBefore.Contains(folded[i - 2] + " " + folded[i - 1])));
            if (after && Roman.TryGetValue(folded[i], out var roman))
            {
                words[i] = roman;
                continue;
            }
            if (!NumberWord(words[i], folded[i], typedWithDiacritics, out var digits)) continue;
            var nextIsNumber = i + 1 < words.Count && char.IsDigit(words[i + 1][0]);
            var before = i + 1 < words.Count && (_numberAfter.Contains(folded[i + 1])
                || (i + 2 < words.Count && _numberAfter.Contains(folded[i + 1] + " " + folded[i + 2])));
            if ((after || before) && !nextIsNumber) words[i] = digits;
        }
    }

    /// <summary>
    /// "sau" is "after" and "sáu" is six: someone who types diacritics means the word as typed, unless the word
    /// itself carries marks but left its tone out ("môt"). A word typed with a tone of its own is that word: "từ
    /// tháng 1" is "from January", not "tư" (four) months.
    /// </summary>
    private bool NumberWord(string word, string folded, bool typedWithDiacritics, out string digits) =>
        _numbersExact.TryGetValue(word, out digits!)
        || ((VietnameseText.HasDiacritics(word) ? !VietnameseText.HasTone(word) : !typedWithDiacritics) && _numbers.TryGetValue(folded, out digits!));
}
