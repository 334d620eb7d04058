namespace Bot.Builder.Pipeline;

/// <summary>
/// The turn's commit found the message already marked as processed: another instance handled it meanwhile. Its answer
/// stands; this turn keeps and says nothing.
/// </summary>
public sealed class ActivityAlreadyProcessedException(string key) : Exception($"The message {key} was already processed.");
