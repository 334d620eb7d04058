using Bot.Content;
using Bot.Conversations;
using Bot.Members;

namespace Bot.Pledges;

/// <summary>
/// /xuat (/export), officers only: the registration list as .xlsx, filtered by plan and unit
/// ("/xuat tld-2021 đơn vị: Tổ Cơ khí"). Withdrawn pledges are left out. Where the channel cannot send files,
/// the file is saved on the server under a name no earlier export has, and the officer is told where.
/// </summary>
public sealed class ExportPledgesCommand(
    PledgeService pledges, Actors actors, PledgeContent form, BotContent content,
    IOptions<PledgeOptions> options, Say say, ILogger<ExportPledgesCommand> logger) : ICommand
{
    public IReadOnlyList<string> Names => ["xuat", "export", "xuatexcel"];
    public bool OfficerOnly => true;

    public async Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken)
    {
        var lang = await say.LanguageAsync(turn, cancellationToken);
        if (turn.Activity.ChatKind == ChatKind.Group)
        {
            await say.SendAsync(turn, "pledge-officer.private-only");
            return;
        }
        var (planQuery, unit) = SplitUnit(args);
        var plan = Movements.PlanFormat.Pick(content, planQuery);
        if (planQuery.Length > 0 && plan is null)
        {
            await say.SendAsync(turn, "pledge-officer.usage", ("plans", string.Join(", ", content.Plans.Select(p => p.Id))));
            return;
        }
        var export = await pledges.ExportAsync(actors.Of(turn.Activity, lang), plan, unit, lang, cancellationToken);
        var scope = (plan?.Title.For(lang) ?? say.Texts.Get(lang, "pledge-officer.scope-all")) +
                    (unit is null ? "" : say.Texts.Get(lang, "pledge-officer.unit-filter", ("unit", unit)));
        if (export is null)
        {
            await say.SendAsync(turn, "pledge-officer.export-empty", ("scope", scope));
            return;
        }
        var (rows, fileName, bytes) = (export.Scope.Rows, export.FileName, export.Bytes);
        if (turn.Capabilities.Files)
        {
            await turn.SendAsync(new Reply
            {
                Text = say.Texts.Get(lang, "pledge-officer.export-ready", ("scope", scope), ("count", rows.Count)),
                File = new ReplyFile(fileName, PledgeExport.ContentType, bytes),
            }, cancellationToken);
            return;
        }
        try
        {
            var folder = Bot.Hosting.AppPaths.Resolve(options.Value.ExportFolder);
            Directory.CreateDirectory(folder);
            var path = await ExportFileName.SaveUniqueAsync(folder, fileName, bytes, cancellationToken);
            await say.SendAsync(turn, "pledge-officer.export-no-files", ("scope", scope), ("count", rows.Count), ("path", path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogError(ex, "Could not save the pledge export in {Folder}", options.Value.ExportFolder);
            await say.SendAsync(turn, "pledge-officer.export-save-failed");
        }
    }

    /// <summary>"tld-2021 đơn vị: Tổ Cơ khí" → ("tld-2021", "Tổ Cơ khí").</summary>
    private (string Plan, string? Unit) SplitUnit(string args)
    {
        var colon = args.IndexOf(':');
        if (colon < 0) return (args.Trim(), null);
        var before = PledgeText.Key(args[..colon]);
        var label = form.Vocabulary.Labels.GetValueOrDefault("unit", []).Select(PledgeText.Key)
            .Where(l => before == l || before.EndsWith(" " + l, StringComparison.Ordinal)).MaxBy(l => l.Length);
        if (label is null) return (args.Trim(), null);
        var unit = args[(colon + 1)..].Trim();
        var planWords = args[..colon].Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(label.Split(' ').Length);
        return (string.Join(' ', planWords), unit.Length == 0 ? null : unit);
    }
}
