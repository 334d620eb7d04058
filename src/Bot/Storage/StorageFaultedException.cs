namespace Bot.Storage;

/// <summary>The storage failed earlier in this process; nothing is written until it is restarted.</summary>
public sealed class StorageFaultedException(Exception fault) : Exception("The storage failed and the bot is stopping: " + fault.Message, fault);
