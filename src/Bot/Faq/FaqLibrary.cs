using Bot.Content;

namespace Bot.Faq;

/// <summary>
/// The FAQ the bot answers from right now: built at start from dialogs/ and rebuilt, whole, when an officer
/// reloads the content. Questions always see one complete engine, never a half-built one.
/// </summary>
/// <remarks>
/// The FAQ files are read and checked when the library is created (a broken file still stops the start with its file
/// and line), but the search index — more than half of the start's CPU — is built on a background thread: /start and
/// the pledge form answer at once, and only a question asked in the first second waits for the index.
/// </remarks>
public sealed class FaqLibrary
{
    private readonly BotContent _content;
    private readonly IOptions<ContentOptions> _contentOptions;
    private readonly IOptionsMonitor<FaqOptions> _options;
    private readonly ILogger<FaqLibrary> _logger;
    private readonly Lock _reloading = new();
    private readonly Task<FaqEngine> _initial;
    private volatile FaqEngine? _engine;

    public FaqLibrary(BotContent content, IOptions<ContentOptions> contentOptions, IOptionsMonitor<FaqOptions> options, ILogger<FaqLibrary> logger, FaqEngineCache? cache = null)
    {
        (_content, _contentOptions, _options, _logger) = (content, contentOptions, options, logger);
        if (cache is not null)
        {
            _engine = cache.GetOrBuild(content.Root, options.CurrentValue.MaxQueryWords, () => Build(FaqCatalog.Load(content), options.CurrentValue, logger));
            _initial = Task.FromResult(_engine);
            return;
        }
        var catalog = FaqCatalog.Load(content);
        var settings = options.CurrentValue;
        _initial = Task.Factory.StartNew(() => Build(catalog, settings, logger), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The first build: completes when the index is ready (faulted if it could not be built).</summary>
    public Task Ready => _initial;

    public FaqEngine Engine => _engine ??= _initial.GetAwaiter().GetResult();
    public FaqIndex Index => Engine.Vietnamese;
    public SmallTalk SmallTalk => Engine.SmallTalk;

    public FaqMatch Ask(string question) => Engine.Ask(question, _options.CurrentValue);

    public FaqItem? Find(string id) => Engine.Find(id);

    /// <summary>
    /// Reads dialogs/ again (plans, texts, FAQ files, synonyms, sources), validates all of it, builds the new engine, and
    /// only then swaps in both the plans and the engine. On a broken file it throws <see cref="ContentException"/>
    /// (file, line, what) and the current plans and engine stay. Texts are validated but not replaced (restart).
    /// </summary>
    public FaqCatalog Rebuild()
    {
        lock (_reloading)
        {
            var reloaded = BotContent.Load(_contentOptions.Value);
            var catalog = FaqCatalog.Load(reloaded);
            var engine = Build(catalog, _options.CurrentValue, _logger);
            _content.TakePlansFrom(reloaded);
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
