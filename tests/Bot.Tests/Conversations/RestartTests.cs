using Bot.Builder.Dialogs;
using Bot.Builder.Prompts;
using Bot.Conversations;

namespace Bot.Tests.Conversations;

public class RestartTests
{
    [Fact]
    public async Task AHalfFilledFormContinuesInANewHostOnTheSameDatabaseFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bot-restart-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?> { ["Storage:Path"] = path };
        try
        {
            await using (var first = await TestBot.StartAsync(settings, services: AddSurvey))
            {
                await first.Flow().Send("/survey").AssertReply("name?").Send("Nguyễn Văn An").AssertReply("unit?");
            }
            await using (var second = await TestBot.StartAsync(settings, services: AddSurvey))
            {
                await second.Flow().Send("Tổ Cơ khí").AssertReply("Nguyễn Văn An / Tổ Cơ khí");
            }
        }
        finally
        {
            foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileNameWithoutExtension(path) + "*")) File.Delete(f);
        }
    }

    [Fact]
    public async Task AnInformationalCommandMidFormAnswersAndReturnsToTheSameQuestion()
    {
        await using var bot = await TestBot.StartAsync(services: AddSurvey);
        await bot.Flow().Send("/survey").AssertReply("name?").Send("Nguyễn Văn An").AssertReply("unit?")
            .Send("/dot").AssertReply("Hôm nay").AssertReply("Quay lại biểu mẫu").AssertReply("unit?")
            .Send("Tổ Cơ khí").AssertReply("Nguyễn Văn An / Tổ Cơ khí");
    }

    private static void AddSurvey(IServiceCollection services)
    {
        services.AddDialog<SurveyDialog>();
        services.AddCommand<SurveyCommand>();
    }

    private sealed class SurveyCommand(DialogRunner runner) : ICommand
    {
        public IReadOnlyList<string> Names => ["survey"];
        public bool StartsFlow => true;
        public Task HandleAsync(ITurnContext turn, string args, CancellationToken ct) => runner.BeginAsync(turn, nameof(SurveyDialog), null, ct);
    }

    private sealed class Survey
    {
        public string? Name { get; set; }
    }

    private sealed class SurveyDialog : ComponentDialog
    {
        public SurveyDialog() : base(nameof(SurveyDialog))
        {
            AddDialog(new WaterfallDialog<Survey>("steps", [AskName, AskUnit, Done]));
            AddDialog(new TextPrompt("text"));
        }

        private static Task<DialogTurnResult> AskName(WaterfallStepContext<Survey> s, CancellationToken ct) =>
            s.PromptAsync("text", new PromptOptions { Prompt = "name?" }, ct);

        private static Task<DialogTurnResult> AskUnit(WaterfallStepContext<Survey> s, CancellationToken ct)
        {
            if (s.Result is string name) s.Values.Name = name;
            return s.PromptAsync("text", new PromptOptions { Prompt = "unit?" }, ct);
        }

        private static async Task<DialogTurnResult> Done(WaterfallStepContext<Survey> s, CancellationToken ct)
        {
            await s.Context.SendAsync($"{s.Values.Name} / {s.Result}", ct);
            return await s.EndDialogAsync(null, ct);
        }
    }
}
