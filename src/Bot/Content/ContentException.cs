namespace Bot.Content;

/// <summary>A content file is broken. The message names the file, the line and what is wrong; it is shown instead of a stack trace.</summary>
public sealed class ContentException(IReadOnlyList<string> problems)
    : Exception("The content in dialogs/ has errors:\n" + string.Join('\n', problems.Select(p => "  " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
