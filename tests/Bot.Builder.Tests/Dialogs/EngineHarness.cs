using Bot.Builder.Activities;
using Bot.Builder.Dialogs;
using Bot.Builder.Pipeline;
using Bot.Builder.Prompts;
using Bot.Builder.State;
using Bot.Builder.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Builder.Tests.Dialogs;

/// <summary>The engine alone: pipeline + dialog runner + a sample form, on a memory store and a test channel.</summary>
public sealed class EngineHarness : IEngineTexts, IInterruptionResponder, IBot
{
    public EngineHarness(IStateStore? store = null, ChannelCapabilities? capabilities = null)
    {
        Store = store ?? new MemoryStateStore();
        Connector = new TestConnector("test", capabilities ?? new ChannelCapabilities { Buttons = true });
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton(Store)
            .AddSingleton<IChannelConnector>(Connector)
            .AddSingleton<IEngineTexts>(this)
            .AddSingleton<IBot>(this)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddTurnPipeline();
        Services = services.BuildServiceProvider();
        Runner = new DialogRunner(new DialogSet().Add(new SignUpForm()).Add(new TextPrompt("text")), this);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2021, 6, 30, 10, 0, 0, TimeSpan.Zero));
    public IStateStore Store { get; }
    public TestConnector Connector { get; }
    public ServiceProvider Services { get; }
    public DialogRunner Runner { get; }
    public Func<ITurnContext, Task>? OnMessage { get; set; }
    public TurnPipeline Pipeline => Services.GetRequiredService<TurnPipeline>();

    public TestFlow Flow(string user = "u1", string chat = "c1", ChatKind kind = ChatKind.Private) =>
        new(a => Pipeline.ProcessAsync(a), Connector,
            new Activity { Channel = "test", ChatId = chat, UserId = user, ChatKind = kind }, Time);

    public async Task OnTurnAsync(ITurnContext turn, CancellationToken ct)
    {
        if (turn.Activity.Text == "/form")
        {
            await Runner.BeginAsync(turn, nameof(SignUpForm), null, ct);
            return;
        }
        if (turn.Activity.Text == "/boom") throw new InvalidOperationException("boom");
        if (await Runner.IsActiveAsync(turn, ct))
        {
            await Runner.ContinueAsync(turn, ct);
            return;
        }
        if (OnMessage is not null) await OnMessage(turn);
        else await turn.SendAsync("menu");
    }

    public string TurnFailed(ITurnContext turn) => "sorry";
    public string ButtonExpired(ITurnContext turn) => "expired";
    public string ButtonNotYours(ITurnContext turn) => "not yours";
    public Task OnCancelledAsync(ITurnContext turn, CancellationToken ct) => turn.SendAsync("cancelled", ct);
    public Task OnHelpAsync(ITurnContext turn, DialogInstance active, CancellationToken ct) => turn.SendAsync($"help for {active.Id}", ct);
    public Task OnCannotGoBackAsync(ITurnContext turn, CancellationToken ct) => turn.SendAsync("first question", ct);
    public Task OnStaleStackAsync(ITurnContext turn, CancellationToken ct) => turn.SendAsync("form changed, start again", ct);
}

public sealed class SignUp
{
    public string? Name { get; set; }
    public int? Age { get; set; }
    public string? Team { get; set; }
}

/// <summary>A sample form: name (two words at least), age (18–70), team (choice), confirm.</summary>
public sealed class SignUpForm : ComponentDialog
{
    public SignUpForm() : base(nameof(SignUpForm))
    {
        AddDialog(new WaterfallDialog<SignUp>("steps", [AskName, AskAge, AskTeam, Confirm, Finish]));
        AddDialog(new TextPrompt("name", (p, _) => Task.FromResult(p.Recognized.Value!.Split(' ').Length >= 2)));
        AddDialog(new NumberPrompt("age", async (p, ct) =>
        {
            if (p.Recognized.Value is >= 18 and <= 70) return true;
            await p.Context.SendAsync("age must be 18-70", ct);
            return false;
        }));
        AddDialog(new ChoicePrompt("team"));
        AddDialog(new ConfirmPrompt("confirm"));
    }

    private static Task<DialogTurnResult> AskName(WaterfallStepContext<SignUp> step, CancellationToken ct) =>
        step.PromptAsync("name", new PromptOptions { Prompt = "name?", RetryPrompt = "full name please", GiveUpPrompt = "giving up" }, ct);

    private static Task<DialogTurnResult> AskAge(WaterfallStepContext<SignUp> step, CancellationToken ct)
    {
        if (step.Result is string name) step.Values.Name = name;
        return step.PromptAsync("age", new PromptOptions { Prompt = "age?", RetryPrompt = "a number please" }, ct);
    }

    private static Task<DialogTurnResult> AskTeam(WaterfallStepContext<SignUp> step, CancellationToken ct)
    {
        if (step.Result is int age) step.Values.Age = age;
        return step.PromptAsync("team", new PromptOptions { Prompt = "team?", Choices = [new("red", "Red team"), new("blue", "Blue team")] }, ct);
    }

    private static Task<DialogTurnResult> Confirm(WaterfallStepContext<SignUp> step, CancellationToken ct)
    {
        if (step.Result is Choice team) step.Values.Team = team.Value;
        return step.PromptAsync("confirm", new PromptOptions { Prompt = $"{step.Values.Name}, {step.Values.Age}, {step.Values.Team}: ok?" }, ct);
    }

    private static async Task<DialogTurnResult> Finish(WaterfallStepContext<SignUp> step, CancellationToken ct)
    {
        await step.Context.SendAsync(step.Result is true ? $"saved {step.Values.Name}" : "not saved", ct);
        return await step.EndDialogAsync(step.Values, ct);
    }
}
