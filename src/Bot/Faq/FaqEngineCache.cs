using System.Collections.Concurrent;

namespace Bot.Faq;

/// <summary>
/// Engines already built in this process, by content folder: many hosts started over one unchanged dialogs/ folder
/// (the test suite starts hundreds) share one engine instead of indexing the same content again each time. Not
/// registered in production, where there is one host; a reload always builds anew.
/// </summary>
public sealed class FaqEngineCache
{
    private readonly ConcurrentDictionary<(string Root, int MaxQueryWords), Lazy<FaqEngine>> _engines = new();

    public FaqEngine GetOrBuild(string root, int maxQueryWords, Func<FaqEngine> build) =>
        _engines.GetOrAdd((root, maxQueryWords), _ => new Lazy<FaqEngine>(build)).Value;
}
