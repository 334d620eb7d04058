using System.Runtime.CompilerServices;
using Bot.Builder.Activities;

namespace Bot.Builder.Testing;

public sealed class TestFlowException(string message) : Exception(message);

/// <summary>
/// Bot Builder's TestFlow: a test reads like a transcript.
/// <code>await flow.Send("/dot").AssertReply(r => r.Contains("Đợt 2"));</code>
/// Each Send runs one full turn through the real pipeline; each AssertReply takes the next message the bot sent to this chat.
/// </summary>
public sealed class TestFlow(Func<Activity, Task> process, TestConnector connector, Activity template, TimeProvider time)
{
    private readonly List<Func<Task>> _steps = [];
    private readonly List<string> _transcript = [];
    private int _messageId;
    private SentReply? _last;

    public Activity Template { get; set; } = template;

    /// <summary>
    /// How long (real time) a sent message's turn may take before the test fails instead of hanging: a turn waiting for
    /// a paced reply under a fake clock that nothing moves never ends on its own.
    /// </summary>
    public TimeSpan TurnLimit { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The last reply an assertion looked at.</summary>
    public SentReply? Last => _last;

    public TestFlow Send(string text) => Send(() => Template with { Text = text });

    public TestFlow Send(Func<Activity> activity) => Step(async () =>
    {
        var a = activity();
        a = a with { MessageId = a.MessageId ?? $"{a.UserId}-m{Interlocked.Increment(ref _messageId)}-{Guid.NewGuid():N}", Timestamp = time.GetUtcNow() };
        _transcript.Add($"user: {a.Text ?? a.ButtonData}");
        try
        {
            await process(a).WaitAsync(TurnLimit);
        }
        catch (TimeoutException)
        {
            throw new TestFlowException($"The turn for \"{a.Text ?? a.ButtonData}\" did not finish within {TurnLimit.TotalSeconds:0.#} s " +
                $"(a reply waiting for a paced channel while the fake clock stands still?).\n{Transcript}");
        }
    });

    /// <summary>Presses the button with this label on the most recent message that has one.</summary>
    public TestFlow Press(string label) => Send(() =>
    {
        var button = connector.All.Reverse().Where(r => r.To.ChatId == Template.ChatId)
            .SelectMany(r => r.Reply.Buttons).FirstOrDefault(b => b.Label == label && b.Data is not null)
            ?? throw new TestFlowException($"No button '{label}' was sent.\n{Transcript}");
        return Template with { Kind = ActivityKind.Button, Text = null, ButtonData = button.Data, MessageId = null };
    });

    public TestFlow AssertReply(string contains) =>
        AssertReply(r => r.Text.Contains(contains, StringComparison.Ordinal), $"a reply containing \"{contains}\"");

    public TestFlow AssertReply(Func<SentReply, bool> check, string description = "a matching reply") => Step(() =>
    {
        if (!connector.TryDequeue(Template.ChatId, out var reply))
            throw new TestFlowException($"Expected {description}, but the bot said nothing more.\n{Transcript}");
        _last = reply;
        _transcript.Add($"bot: {reply.Text}");
        if (!check(reply)) throw new TestFlowException($"Expected {description}, got:\n{reply.Text}\n---\n{Transcript}");
        return Task.CompletedTask;
    });

    /// <summary>Takes every reply sent so far (a long answer arrives in several messages) and checks them together.</summary>
    public TestFlow AssertReplies(Func<IReadOnlyList<SentReply>, bool> check, string description = "matching replies") => Step(() =>
    {
        var replies = new List<SentReply>();
        while (connector.TryDequeue(Template.ChatId, out var reply)) replies.Add(reply);
        if (replies.Count == 0) throw new TestFlowException($"Expected {description}, but the bot said nothing more.\n{Transcript}");
        _last = replies[^1];
        _transcript.AddRange(replies.Select(r => $"bot: {r.Text}"));
        if (!check(replies)) throw new TestFlowException($"Expected {description}, got:\n{string.Join("\n---\n", replies.Select(r => r.Text))}\n===\n{Transcript}");
        return Task.CompletedTask;
    });

    public TestFlow AssertNoReply() => Step(() =>
    {
        if (connector.TryDequeue(Template.ChatId, out var reply))
            throw new TestFlowException($"Expected no reply, got:\n{reply.Text}\n---\n{Transcript}");
        return Task.CompletedTask;
    });

    public TestFlow Do(Func<Task> action) => Step(action);

    public string Transcript => string.Join('\n', _transcript);

    public TaskAwaiter GetAwaiter() => RunAsync().GetAwaiter();

    private TestFlow Step(Func<Task> step)
    {
        _steps.Add(step);
        return this;
    }

    private async Task RunAsync()
    {
        var steps = _steps.ToArray();
        _steps.Clear();
        foreach (var step in steps) await step();
    }
}
