namespace Bot.Operations;

/// <summary>A channel that receives from a platform and reports its connection (<see cref="ChannelHealth"/>); readiness waits for it.</summary>
public sealed record MonitoredChannel(string Channel);
