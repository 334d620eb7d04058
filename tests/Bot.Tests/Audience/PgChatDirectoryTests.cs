using Bot.Audience;
using Bot.Tests.Storage.PostgreSql;

namespace Bot.Tests.Audience;

/// <summary>The same contract on PostgreSQL (a fresh schema per test).</summary>
public sealed class PgChatDirectoryTests : ChatDirectoryContract, IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private IChatDirectory? _store;

    protected override IChatDirectory Chats => _store!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _store = _db.Pick<IChatDirectory>(d => new PgChatDirectory(d.Database, d.Committer, Time), l => new LiteDbChatDirectory(l.Database, l.Writer, Time));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
