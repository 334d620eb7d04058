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

    /// <summary>
    /// The text with plain values (escaped) and pieces that are already HTML (other texts, links), filled in the
    /// same single pass, so neither kind of value is ever read as a template.
    /// </summary>
    public string Get(string language, string key, (string Name, object? Value)[] values, params (string Name, string Html)[] html)
    {
        if (!Entries.TryGetValue(key, out var text)) throw new KeyNotFoundException($"No text '{key}' in dialogs/texts.");
        return Fill(text.For(language), values, html);
    }

    /// <summary>Fills placeholders; values are escaped because members' own words (names, units) go into HTML messages.</summary>
    public static string Fill(string template, params (string Name, object? Value)[] args) => Fill(template, args, []);

    /// <summary>
    /// One pass over the template: a value that contains "{status}" stays "{status}", because what was filled in is
    /// never looked at again. Unknown placeholders are left as they are.
    /// </summary>
    public static string Fill(string template, (string Name, object? Value)[] values, (string Name, string Html)[] html)
    {
        if (values.Length == 0 && html.Length == 0) return template;
        var fills = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values) fills[name] = TextFormat.Escape(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (name, fragment) in html) fills[name] = fragment;
        return Placeholder().Replace(template, m => fills.TryGetValue(m.Value[1..^1], out var fill) ? fill : m.Value);
    }

    /// <summary>Filled in one pass without escaping: for plain-text destinations (a spreadsheet cell, a passage the reply escapes later).</summary>
    public static string FillPlain(string template, params (string Name, string Value)[] args) =>
        Fill(template, [], args);

    internal static IEnumerable<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal);

    [GeneratedRegex(@"\{[a-zA-Z][a-zA-Z0-9]*\}")]
    private static partial Regex Placeholder();
}
