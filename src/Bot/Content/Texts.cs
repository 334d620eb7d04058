using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Content;

/// <summary>Every sentence the bot says, keyed "file.key" (texts/core.yaml, key greeting → "core.greeting").</summary>
public sealed partial class Texts(IReadOnlyDictionary<string, Localized> entries)
{
    public IReadOnlyDictionary<string, Localized> Entries { get; } = entries;

    public bool Has(string key) => Entries.ContainsKey(key);

    /// <summary>The text in the language, with {placeholders} filled by HTML-escaped values.</summary>
    public string Get(string language, string key, params (string Name, object? Value)[] args)
    {
        if (!Entries.TryGetValue(key, out var text)) throw new KeyNotFoundException($"No text '{key}' in dialogs/texts.");
        return Fill(text.For(language), args);
    }

    /// <summary>Fills placeholders; values are escaped because members' own words (names, units) go into HTML messages.</summary>
    public static string Fill(string template, params (string Name, object? Value)[] args)
    {
        if (args.Length == 0) return template;
        var sb = new StringBuilder(template);
        foreach (var (name, value) in args)
            sb.Replace("{" + name + "}", TextFormat.Escape(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)));
        return sb.ToString();
    }

    internal static IEnumerable<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal);

    [GeneratedRegex(@"\{[a-zA-Z][a-zA-Z0-9]*\}")]
    private static partial Regex Placeholder();
}
