using LiteDB;

namespace Bot.Storage;

/// <summary>Telling a write's own mistake from a storage that failed, and stopping the host on the latter.</summary>
public sealed partial class StorageWriter
{
    private bool EngineAnswers()
    {
        try
        {
            if (!_db.BeginTrans()) return false;
            _db.Rollback();
            _ = _db.GetCollectionNames().Count();
            return true;
        }
        catch (Exception ex)
        {
            _logger.LogCritical(ex, "The storage engine no longer answers");
            return false;
        }
    }

    private void Fail(Exception ex)
    {
        if (Interlocked.CompareExchange(ref _fault, ex, null) is not null) return;
        _logger.LogCritical(ex, "The storage failed; nothing more can be stored. Stopping so that the process exits with code {Code} and is restarted", FaultExitCode);
        _lifetime?.StopApplication();
    }

    /// <summary>The process's exit code after a storage failure (2 means a setting or file is wrong before the start).</summary>
    public const int FaultExitCode = 3;

    private void TryRollback()
    {
        try
        {
            _db.Rollback();
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Rolling back a failed storage transaction failed too");
        }
    }
}
