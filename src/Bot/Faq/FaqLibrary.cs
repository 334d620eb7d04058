using Bot.Content;

namespace Bot.Faq;

/// <summary>
/// The FAQ the bot answers from right now: built at start from dialogs/ and rebuilt, whole, when an officer
/// reloads the content. Questions always see one complete index, never a half-built one.
/// </summary>
public sealed class FaqLibrary(BotContent content, IOptions<ContentOptions> contentOptions, IOptionsMonitor<FaqOptions> options, ILogger<FaqLibrary> logger)
{
    private readonly Lock _reloading = new();
    private volatile FaqIndex _index = Build(FaqCatalog.Load(content), options.CurrentValue, logger);

    public FaqIndex Index => _index;

    public FaqMatch Ask(string question) => FaqMatcher.Match(_index, question, options.CurrentValue);

    public FaqItem? Find(string id) => _index.Find(id);

    /// <summary>
    /// Reads dialogs/ again (FAQ files, synonyms and the plans quoted as passages) and swaps the index in. On a broken
    /// file it throws <see cref="ContentException"/> and the current index stays.
    /// </summary>
    public FaqCatalog Rebuild()
    {
        lock (_reloading)
        {
            var catalog = FaqCatalog.Load(BotContent.Load(contentOptions.Value));
            // The old index is not disposed: a question may still be searching it. It holds only memory, which the
            // garbage collector takes back once the last search is done.
            _index = Build(catalog, options.CurrentValue, logger);
            return catalog;
        }
    }

    private static FaqIndex Build(FaqCatalog catalog, FaqOptions options, ILogger logger)
    {
        var index = FaqIndex.Build(catalog, options.MaxQueryWords);
        logger.LogInformation("FAQ index built: {Entries} curated entries, {Passages} plan passages", catalog.EntryCount, catalog.PassageCount);
        return index;
    }
}
