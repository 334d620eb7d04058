namespace Bot.Members;

/// <summary>Turns whoever sent an activity into an <see cref="Actor"/> with their officer roles.</summary>
public sealed class Actors(OfficerRoster roster)
{
    public Actor Of(Activity activity, string language = Content.Languages.Vietnamese) =>
        new(activity.Channel, activity.UserId, activity.UserName, language,
            roster.RolesOf(activity.Channel, activity.UserId));
}
