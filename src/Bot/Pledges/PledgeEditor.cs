using Bot.Builder.Dialogs;
using Bot.Conversations;

namespace Bot.Pledges;

/// <summary>
/// "/cuatoi sua 12": the member changes a pending or returned pledge. The form opens on its summary, where
/// «Sửa» asks one field again; confirming updates the pledge conditionally on the version shown. An approved
/// pledge is the officer's decision: the member is told to ask the officer to return it first.
/// </summary>
public sealed class PledgeEditor(IPledgeStore repository, DialogRunner runner, Say say)
{
    public static bool CanEdit(Pledge p) => p.Status is PledgeStatus.Submitted or PledgeStatus.Resubmitted or PledgeStatus.Returned;

    public async Task EditAsync(ITurnContext turn, string lang, int id, CancellationToken ct)
    {
        var pledge = await repository.FindAsync(id, ct);
        // The id comes from the member's message: only their own pledge can be touched.
        if (pledge is null || pledge.Channel != turn.Activity.Channel || pledge.UserId != turn.Activity.UserId)
        {
            await turn.SendAsync(say.Texts.Get(lang, "pledge-data.mine-not-found", ("id", id)), ct);
            return;
        }
        if (!CanEdit(pledge))
        {
            await turn.SendAsync(say.Texts.Get(lang, pledge.Status == PledgeStatus.Approved ? "pledge-data.mine-edit-approved" : "pledge-data.mine-edit-withdrawn",
                ("id", id)), ct);
            return;
        }
        var draft = PledgeSummary.ToDraft(pledge);
        draft.Quick = true; // every field is known: the form goes straight to the summary
        draft.PledgeId = pledge.Id;
        draft.BaseVersion = pledge.Version;
        foreach (var field in Enum.GetValues<PledgeField>().Where(draft.Has)) draft.MarkAnswered(field);
        await runner.BeginAsync(turn, nameof(RegisterPledgeDialog), draft, ct);
    }

    /// <summary>"v3" on a button: the version of the pledge the member was shown.</summary>
    public static long? SeenVersion(string word) =>
        word.Length > 1 && word[0] == 'v' && long.TryParse(word.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
}
