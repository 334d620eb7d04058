using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Bot.Bench.Faq;

/// <summary>A labelled question: the FAQ entry id that must answer it, or null when it must be declined.</summary>
public sealed class EvalQuestion
{
    public string Q { get; set; } = "";
    public string? Expect { get; set; }
}

public static class EvalSet
{
    public static List<EvalQuestion> Load(string path) =>
        new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
            .Deserialize<List<EvalQuestion>>(File.ReadAllText(path)) ?? [];

    /// <summary>The repository root: the first folder upwards holding Bot.sln (the bench runs from its bin folder).</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
