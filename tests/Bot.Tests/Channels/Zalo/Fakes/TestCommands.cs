using Bot.Conversations;

namespace Bot.Tests.Channels.Zalo.Fakes;

/// <summary>/dai: an answer of exactly 4,500 characters in paragraphs of 448.</summary>
internal sealed class LongAnswerCommand : ICommand
{
    public static readonly string Text = Build();

    public IReadOnlyList<string> Names => ["dai"];

    public Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken) => turn.SendAsync(Text, cancellationToken);

    private static string Build()
    {
        var paragraphs = Enumerable.Range(1, 10).Select(i => $"Đoạn {i:00}: " + string.Concat(Enumerable.Repeat("thi đua yêu nước ", 30))[..(448 - 10)]).ToList();
        var text = string.Join("\n\n", paragraphs);
        return text + new string('.', 4500 - text.Length);
    }
}

/// <summary>/cham: answers only when the test opens the gate, to make a turn as slow as needed.</summary>
internal sealed class SlowCommand(SlowGate gate) : ICommand
{
    public IReadOnlyList<string> Names => ["cham"];

    public async Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken)
    {
        gate.Entered.TrySetResult();
        await gate.Open.Task.WaitAsync(cancellationToken);
        await turn.SendAsync("xong", cancellationToken);
    }
}

internal sealed class SlowGate
{
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>/sua: sends a message, then asks to edit it (Zalo cannot edit: it must arrive as a new message).</summary>
internal sealed class EditCommand : ICommand
{
    public IReadOnlyList<string> Names => ["sua"];

    public async Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken)
    {
        var id = await turn.SendAsync("bản 1", cancellationToken);
        await turn.SendAsync(new Reply { Text = "bản 2", EditMessageId = id ?? "unknown" }, cancellationToken);
    }
}

internal static class TestCommandRegistration
{
    public static void AddZaloTestCommands(this IServiceCollection services)
    {
        services.AddSingleton<SlowGate>();
        services.AddCommand<LongAnswerCommand>();
        services.AddCommand<SlowCommand>();
        services.AddCommand<EditCommand>();
    }
}
