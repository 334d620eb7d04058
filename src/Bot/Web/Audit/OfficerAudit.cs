using Bot.Members;

namespace Bot.Web.Audit;

/// <summary>Writes an officer's dashboard action to the audit log (who, what, on what, when).</summary>
public sealed class OfficerAudit(IAuditLog log, TimeProvider time)
{
    public Task WriteAsync(Actor officer, string action, string target, string? detail = null, CancellationToken ct = default) =>
        log.AppendAsync(new AuditEntry { At = time.GetUtcNow(), Who = officer.Key, WhoName = officer.Name, Action = action, Target = target, Detail = detail }, ct);
}
