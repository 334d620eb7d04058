namespace Bot.Builder.Recognizers;

public enum Interruption { Cancel, Help, Back }

/// <summary>Cancel / help / back words that interrupt any flow (matched after folding, so "huỷ", "hủy", "huy" all work).</summary>
public static class InterruptionRecognizer
{
    private static readonly Dictionary<string, Interruption> Phrases = new(StringComparer.Ordinal)
    {
        ["huy"] = Interruption.Cancel, ["huy bo"] = Interruption.Cancel, ["cancel"] = Interruption.Cancel,
        ["/cancel"] = Interruption.Cancel, ["/huy"] = Interruption.Cancel, ["thoat"] = Interruption.Cancel, ["/thoat"] = Interruption.Cancel,
        ["dung lai"] = Interruption.Cancel, ["stop"] = Interruption.Cancel,
        ["tro giup"] = Interruption.Help, ["/trogiup"] = Interruption.Help, ["help"] = Interruption.Help,
        ["/help"] = Interruption.Help, ["giup"] = Interruption.Help, ["giup do"] = Interruption.Help, ["huong dan"] = Interruption.Help,
        ["quay lai"] = Interruption.Back, ["/quaylai"] = Interruption.Back, ["back"] = Interruption.Back,
        ["/back"] = Interruption.Back, ["tro lai"] = Interruption.Back, ["lui lai"] = Interruption.Back,
    };

    public static Interruption? Recognize(string? text)
    {
        var folded = VietnameseText.Fold(text).Trim(' ', '.', '!', '?');
        var at = folded.IndexOf('@');
        if (folded.StartsWith('/') && at > 0) folded = folded[..at];
        return Phrases.TryGetValue(folded, out var kind) ? kind : null;
    }
}
