using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Bot.Content;

/// <summary>
/// Reads one YAML file into a typed model and keeps the node positions, so validation errors can say
/// "plans/tld-2021.yaml:42: phases[1].end is before start" instead of a stack trace.
/// </summary>
public sealed class YamlContent<T>
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    private readonly YamlNode? _root;

    private YamlContent(string file, T? value, YamlNode? root)
    {
        File = file;
        Value = value;
        _root = root;
    }

    public string File { get; }
    public T? Value { get; }

    /// <summary>Loads the file; on a syntax or shape error, adds "file:line: message" to <paramref name="problems"/> and returns a null Value.</summary>
    public static YamlContent<T> Load(string path, string displayName, ICollection<string> problems)
    {
        try
        {
            var text = System.IO.File.ReadAllText(path);
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            var root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
            var value = Deserializer.Deserialize<T>(text);
            if (value is null) problems.Add($"{displayName}:1: the file is empty");
            return new YamlContent<T>(displayName, value, root);
        }
        catch (YamlException ex)
        {
            var inner = ex.InnerException is YamlException ie ? ie : ex;
            problems.Add($"{displayName}:{inner.Start.Line}: {Describe(inner)}");
            return new YamlContent<T>(displayName, default, null);
        }
    }

    /// <summary>"file:line: message" for a path like "phases[1].end" (line of the nearest existing node).</summary>
    public string Problem(string path, string message) => $"{File}:{LineOf(path)}: {path}: {message}";

    public int LineOf(string path)
    {
        var node = _root;
        var line = (int?)node?.Start.Line ?? 1;
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part;
            int? index = null;
            var bracket = part.IndexOf('[');
            if (bracket >= 0)
            {
                name = part[..bracket];
                index = int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            }
            if (name.Length > 0)
            {
                if (node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(name), out var child)) node = child;
                else return line;
                line = (int)node.Start.Line;
            }
            if (index is { } i)
            {
                if (node is YamlSequenceNode seq && i < seq.Children.Count) node = seq.Children[i];
                else return line;
                line = (int)node.Start.Line;
            }
        }
        return line;
    }

    private static string Describe(YamlException ex) =>
        ex.Message.Contains("not found on type", StringComparison.Ordinal) || ex.Message.Contains("Property", StringComparison.Ordinal)
            ? $"unknown or misplaced field ({ex.Message.Split(" on type")[0].Replace("Property '", "'", StringComparison.Ordinal)})"
            : ex.Message;
}
