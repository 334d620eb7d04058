using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Bot.Bench.Pledges;

/// <summary>A member's registration message and what the summary must show (null = the message does not say).</summary>
public sealed class PledgeMessage
{
    public string Text { get; set; } = "";
    public string? Name { get; set; }
    public string? NameAlt { get; set; }
    public string? Unit { get; set; }
    public string? UnitAlt { get; set; }
    public string? Title { get; set; }
    public string? Position { get; set; }
    public string? Commendation { get; set; }
}

public static class PledgeMessageSet
{
    public static List<PledgeMessage> Load(string path) =>
        new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).IgnoreUnmatchedProperties().Build()
            .Deserialize<List<PledgeMessage>>(File.ReadAllText(path)) ?? [];
}
