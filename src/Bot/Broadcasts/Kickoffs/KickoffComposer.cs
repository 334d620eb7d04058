using System.Text;
using Bot.Broadcasts.Outbox;
using Bot.Content;
using Bot.Movements;
using Bot.Pledges;

namespace Bot.Broadcasts.Kickoffs;

/// <summary>
/// Writes the kickoff of a phase, and an officer's announcement, as each channel and language receive it. Where the
/// channel has deep links the kickoff carries a button that opens the plan's pledge form in the private chat.
/// </summary>
public sealed class KickoffComposer(KickoffTemplates templates, Texts texts, IDeepLinks links)
{
    public MessageVariant Kickoff(Plan plan, Phase phase, string channel, string language)
    {
        var template = templates.For(plan.Id, phase.Id).For(language);
        var link = links.PrivateChatLink(channel, PledgePayloads.FormFor(plan.Id));
        var label = texts.Get(language, "broadcast.kickoff-register-label");
        // {movements} and {register} are HTML built from escaped parts; everything goes in in one pass.
        var register = link is null
            ? texts.Get(language, "broadcast.kickoff-register-command")
            : texts.Get(language, "broadcast.kickoff-register-link", ("label", label));
        var text = Texts.Fill(template,
            [("plan", plan.Title.For(language)), ("issuer", plan.Issuer.For(language)), ("theme", plan.Theme.For(language)),
             ("phase", phase.Name.For(language)), ("start", PlanFormat.Date(phase.Start)), ("end", PlanFormat.Date(phase.End)),
             ("focus", phase.Focus.For(language)), ("tasks", phase.MemberTasks.For(language)),
             ("source", $"{plan.Document.For(language)}, {phase.Source.For(language)}")],
            [("movements", Movements(plan, language)), ("register", register)]);
        return new MessageVariant
        {
            Channel = channel,
            Language = language,
            Text = text,
            ButtonLabel = link is null ? null : label,
            ButtonUrl = link,
        };
    }

    public MessageVariant Announcement(string officerText, string channel, string language) => new()
    {
        Channel = channel,
        Language = language,
        Text = texts.Get(language, "broadcast.announcement", ("text", officerText)),
    };

    private string Movements(Plan plan, string language)
    {
        if (plan.Movements.Count == 0) return texts.Get(language, "broadcast.kickoff-no-movements");
        var sb = new StringBuilder();
        foreach (var m in plan.Movements)
        {
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(texts.Get(language, "broadcast.kickoff-movement", ("name", m.Name.For(language))));
        }
        return sb.ToString();
    }
}
