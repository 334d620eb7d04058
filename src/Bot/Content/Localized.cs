namespace Bot.Content;

/// <summary>A sentence in Vietnamese (the default) and English.</summary>
public sealed class Localized
{
    public string Vi { get; set; } = "";
    public string En { get; set; } = "";

    public string For(string language) => language == Languages.English && En.Length > 0 ? En : Vi;

    public override string ToString() => Vi;
}

public static class Languages
{
    public const string Vietnamese = "vi";
    public const string English = "en";

    public static string Normalize(string? code) =>
        code is not null && code.StartsWith(English, StringComparison.OrdinalIgnoreCase) ? English : Vietnamese;
}
