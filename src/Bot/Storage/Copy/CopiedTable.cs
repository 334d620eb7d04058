using LiteDB;

namespace Bot.Storage.Copy;

/// <summary>
/// One LiteDB collection and the PostgreSQL table it becomes: its rows as insert arguments (the key first), and the
/// INSERT that skips a key already there (copying twice changes nothing, and never overwrites what PostgreSQL has).
/// </summary>
public sealed record CopiedTable(string Table, string KeyColumn, string Insert, Func<LiteDatabase, IEnumerable<object?[]>> Rows, bool IdentityKey = false);
