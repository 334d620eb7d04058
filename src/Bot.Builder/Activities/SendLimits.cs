namespace Bot.Builder.Activities;

/// <summary>How fast a channel may send: overall, to one private chat, to one group, and back to back to one chat.</summary>
public sealed record SendLimits(double MessagesPerSecond, double PrivateChatPerSecond = 1, int GroupPerMinute = 20, int ChatBurst = 3);
