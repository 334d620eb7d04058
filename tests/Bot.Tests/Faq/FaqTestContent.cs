using Bot.Content;
using Bot.Faq;

namespace Bot.Tests.Faq;

/// <summary>The real dialogs/ content, loaded once for the tests that only need the index (no host).</summary>
public static class FaqTestContent
{
    private static readonly Lazy<BotContent> LazyContent = new(() => BotContent.Load(new ContentOptions { Path = Path.Combine(AppContext.BaseDirectory, "dialogs") }));
    private static readonly Lazy<FaqCatalog> LazyCatalog = new(() => FaqCatalog.Load(Content));
    private static readonly Lazy<FaqIndex> LazyIndex = new(() => FaqIndex.Build(Catalog));
    private static readonly Lazy<FaqEngine> LazyEngine = new(() => FaqEngine.Build(Catalog));

    public static BotContent Content => LazyContent.Value;
    public static FaqCatalog Catalog => LazyCatalog.Value;
    public static FaqIndex Index => LazyIndex.Value;
    public static FaqEngine Engine => LazyEngine.Value;

    /// <summary>The repository root (the folder holding Bot.sln), for the benchmark sets under bench/.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
