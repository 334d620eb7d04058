using Bot.Builder.Activities;

namespace Bot.Builder.State;

/// <summary>Where a piece of state lives. In a group each member has their own <see cref="Member"/> state (their own form).</summary>
public enum StateScope
{
    Conversation,
    User,
    Member,
}

public static class StateKeys
{
    public static string For(StateScope scope, Activity activity) => scope switch
    {
        StateScope.Conversation => $"{activity.Channel}/chat/{activity.ChatId}",
        StateScope.User => $"{activity.Channel}/user/{activity.UserId}",
        _ => $"{activity.Channel}/chat/{activity.ChatId}/member/{activity.UserId}",
    };
}
