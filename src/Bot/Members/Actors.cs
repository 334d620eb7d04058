using Bot.Conversations;

namespace Bot.Members;

/// <summary>Turns whoever sent an activity into an <see cref="Actor"/> with their officer roles.</summary>
public sealed class Actors(Officers officers)
{
    public Actor Of(Activity activity, string language = Content.Languages.Vietnamese) =>
        new(activity.Channel, activity.UserId, activity.UserName, language,
            officers.IsOfficer(activity) ? [new OfficerRole(activity.Channel, activity.UserId, null)] : []);
}
