using System.Collections.Concurrent;

namespace Bot.Content;

/// <summary>
/// Content already loaded in this process, by folder, default plan and the files' sizes and times: the test suite
/// starts hundreds of hosts over one unchanged dialogs/ folder, and each would otherwise parse every YAML file again.
/// Content is read-only once loaded, so hosts can share it. Not used in production, where there is one host.
/// </summary>
public sealed class ContentCache
{
    private readonly ConcurrentDictionary<(string Root, string DefaultPlan, string Files), BotContent> _loaded = new();

    public BotContent GetOrLoad(ContentOptions options)
    {
        var key = (options.ResolvedPath, options.DefaultPlan, Fingerprint(options.ResolvedPath));
        // A folder that fails to load is not remembered: the next host reports its problems again.
        return _loaded.TryGetValue(key, out var content) ? content : _loaded.GetOrAdd(key, BotContent.Load(options));
    }

    private static string Fingerprint(string root)
    {
        if (!Directory.Exists(root)) return "";
        var files = new DirectoryInfo(root).EnumerateFiles("*", SearchOption.AllDirectories);
        var (count, length, latest) = (0, 0L, 0L);
        foreach (var f in files)
        {
            count++;
            length += f.Length;
            latest = Math.Max(latest, f.LastWriteTimeUtc.Ticks);
        }
        return $"{count}:{length}:{latest}";
    }
}
