using Bot.Content;

namespace Bot.Faq;

/// <summary>
/// The FAQ the bot answers from right now: built at start from dialogs/ and rebuilt, whole, when an officer
/// reloads the content. Questions always see one complete engine, never a half-built one.
/// </summary>
public sealed class FaqLibrary(BotContent content, IOptions<ContentOptions> contentOptions, IOptionsMonitor<FaqOptions> options, ILogger<FaqLibrary> logger, FaqEngineCache? cache = null)
{
    private readonly Lock _reloading = new();
    private volatile FaqEngine _engine = cache is null
        ? Build(FaqCatalog.Load(content), options.CurrentValue, logger)
        : cache.GetOrBuild(content.Root, options.CurrentValue.MaxQueryWords, () => Build(FaqCatalog.Load(content), options.CurrentValue, logger));

    public FaqEngine Engine => _engine;
    public FaqIndex Index => _engine.Vietnamese;
    public SmallTalk SmallTalk => _engine.SmallTalk;

    public FaqMatch Ask(string question) => _engine.Ask(question, options.CurrentValue);

    public FaqItem? Find(string id) => _engine.Find(id);

    /// <summary>
    /// Reads dialogs/ again (plans, texts, FAQ files, synonyms, sources), validates all of it, builds the new engine, and
    /// only then swaps in both the plans and the engine. On a broken file it throws <see cref="ContentException"/>
    /// (file, line, what) and the current plans and engine stay. Texts are validated but not replaced (restart).
    /// </summary>
    public FaqCatalog Rebuild()
    {
        lock (_reloading)
        {
            var reloaded = BotContent.Load(contentOptions.Value);
            var catalog = FaqCatalog.Load(reloaded);
            var engine = Build(catalog, options.CurrentValue, logger);
            content.TakePlansFrom(reloaded);
            // The old engine is not disposed: a question may still be searching it. It holds only memory, which the
            // garbage collector takes back once the last search is done.
            _engine = engine;
            return catalog;
        }
    }

    private static FaqEngine Build(FaqCatalog catalog, FaqOptions options, ILogger logger)
    {
        var engine = FaqEngine.Build(catalog, options.MaxQueryWords);
        logger.LogInformation("FAQ built: {Entries} curated entries, {Passages} passages; {English} items searchable in English",
            catalog.EntryCount, catalog.PassageCount, engine.English.Count);
        return engine;
    }
}
