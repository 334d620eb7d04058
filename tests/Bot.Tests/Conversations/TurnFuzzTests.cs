using System.Text;
using Bot.Channels;
using Bot.Conversations;
using Bot.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Bot.Tests.Conversations;

/// <summary>
/// Thousands of generated inputs (seeded: the same seed gives the same inputs) through the real host, in private chats
/// and groups, from members and an officer: text, commands with odd arguments, real and forged button data, unicode,
/// long lines, empty ones. Every input gets an answer — a reply or a button answer — except deliberate silence: group
/// chatter not addressed to the bot (privacy mode: the platforms do not even deliver it). No turn may fail.
/// FUZZ_INPUTS and FUZZ_SEED run a larger or another run: FUZZ_INPUTS=50000 dotnet test --filter TurnFuzzTests
/// </summary>
public class TurnFuzzTests(ITestOutputHelper output)
{
    private const int DefaultInputs = 1500;
    private const int DefaultSeed = 20260514;

    private static readonly string[] Words =
    [
        "đăng ký", "dang ky", "huỷ", "huy", "quay lại", "trợ giúp", "ok", "có", "không", "bỏ qua", "Xác nhận", "Sửa", "1", "2", "3", "99", "0",
        "-1", "LĐTT", "CSTĐCS", "Nguyễn Văn An", "Công nhân", "Tổ Cơ khí", "hạn đăng ký là khi nào", "phong trào", "chào", "cảm ơn", "xin chào bot",
        "Tổ {status} {date}", "{name}", "<b>đậm</b>", "&amp;", "@Trợ lý", "/", "//", "/ dang ky", "sáng kiến: Cải tiến", "lĩnh vực: Kỹ thuật",
    ];

    private static readonly string[] Odd =
    [
        "", " ", "\t", "\n\n", "😀🎉👍", "\u202Eabc", "\u200B\u200B", "\u0000", "\u0001\u0002", "\uFEFF", "ﷺ", "𝕏𝕐", "à̴̢̛ͅ", "\uD800", "'; DROP TABLE x; --",
        "%s%n", "${jndi:x}", "null", "NaN", "9999999999999999999999", "-0", "1e309", "\\", "\"", "🏳️‍🌈", "ア", "Ωμέγα", "עברית", "العربية",
    ];

    [Fact]
    public async Task EveryGeneratedInputGetsAnAnswerOrADeliberateSilenceAndNoTurnFails()
    {
        var inputs = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_INPUTS"), out var n) ? n : DefaultInputs;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var s) ? s : DefaultSeed;
        var logs = new LogCapture();
        await using var bot = await TestBot.StartAsync(services: x => x.AddSingleton<ILoggerProvider>(logs));
        var commands = bot.Services.GetServices<ICommand>().SelectMany(c => c.Names).Select(c => "/" + c).ToArray();

        // Chats: private chats of members and of the officer, and groups with members talking in them.
        (string ChatId, ChatKind Kind, string UserId)[] chats =
        [
            .. Enumerable.Range(1, 12).Select(i => ($"m{i}", ChatKind.Private, $"m{i}")),
            ("officer", ChatKind.Private, "officer"),
            .. Enumerable.Range(1, 3).SelectMany(g => new[] { ($"g{g}", ChatKind.Group, $"m{g}"), ($"g{g}", ChatKind.Group, $"m{g + 5}"), ($"g{g}", ChatKind.Group, "officer") }),
        ];
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var answered = 0;
        var silent = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // One stream per chat and member, in order (a button pressed is one the bot just sent); streams run side by side.
        var perStream = (inputs + chats.Length - 1) / chats.Length;
        await Task.WhenAll(chats.Select((chat, index) => Task.Run(async () =>
        {
            var random = new Random(HashCode.Combine(seed, index));
            for (var i = 0; i < perStream; i++)
            {
                var activity = AsDelivered(Generate(random, chat, commands, bot.Connector, i));
                var buttonAnswersBefore = bot.Connector.ButtonAnswers.Count(a => Same(a.Activity, activity));
                var replies = await bot.Pipeline.ProcessAsync(activity);
                var buttonAnswered = activity.Kind == ActivityKind.Button && bot.Connector.ButtonAnswers.Count(a => Same(a.Activity, activity)) > buttonAnswersBefore;
                if (replies.Count > 0 || buttonAnswered) Interlocked.Increment(ref answered);
                else if (DeliberatelySilent(activity)) Interlocked.Increment(ref silent);
                else failures.Add($"no answer in {chat.ChatId}/{chat.UserId} to {Describe(activity)}");
            }
        })));

        var turnFailures = logs.Lines.Where(l => l.Level >= LogLevel.Error).Select(l => l.Text).ToList();
        output.WriteLine($"seed {seed}: {answered + silent + failures.Count} inputs, {answered} answered, {silent} deliberately silent, " +
                         $"{failures.Count} unanswered, {turnFailures.Count} errors logged, {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(turnFailures.Count == 0, string.Join("\n---\n", turnFailures.Take(3)));
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(10)));
        Assert.True(answered + silent >= inputs, $"only {answered + silent} of {inputs} inputs ran");
    }

    /// <summary>What the channel translators hand over: text, button data and names bounded and well-formed (InboundText).</summary>
    private static Activity AsDelivered(Activity a) => a with
    {
        Text = InboundText.Bound(a.Text, InboundText.Telegram),
        ButtonData = InboundText.Bound(a.ButtonData, InboundText.ButtonData),
        UserName = InboundText.Bound(a.UserName, InboundText.Name)!,
    };

    private static bool Same(Activity a, Activity b) => a.ChatId == b.ChatId && a.UserId == b.UserId && a.ButtonData == b.ButtonData;

    /// <summary>Privacy mode: in a group the bot acts only on commands and replies to its own messages.</summary>
    private static bool DeliberatelySilent(Activity a) =>
        a.ChatKind == ChatKind.Group && a.Kind == ActivityKind.Message && a.Command is null && !a.IsReplyToBot;

    private static Activity Generate(Random random, (string ChatId, ChatKind Kind, string UserId) chat, string[] commands, Builder.Testing.TestConnector connector, int i)
    {
        var activity = new Activity
        {
            Channel = "test",
            ChatId = chat.ChatId,
            ChatKind = chat.Kind,
            UserId = chat.UserId,
            UserName = random.Next(10) == 0 ? Pick(random, Odd) : $"Thành viên {chat.UserId}",
            MessageId = $"{chat.UserId}-{chat.ChatId}-{i}",
            IsReplyToBot = chat.Kind == ChatKind.Group && random.Next(3) == 0,
            Language = random.Next(8) == 0 ? "en" : random.Next(20) == 0 ? Pick(random, Odd) : null,
        };
        switch (random.Next(10))
        {
            case 0 or 1:
                return activity with { Text = $"{Pick(random, commands)}{(random.Next(2) == 0 ? "" : " " + Text(random))}" };
            case 2:
                // A command with a space in its name, an unknown one, or one addressed to another bot.
                return activity with { Text = Pick(random, ["/dang ky ", "/khong_co ", "/dot@OtherBot ", "/DANGKY ", "/đăng ký "]) + Text(random) };
            case 3 or 4:
                var sent = connector.All.Where(r => r.To.ChatId == chat.ChatId).TakeLast(3).SelectMany(r => r.Reply.Buttons).Where(b => b.Data is not null).ToList();
                var data = sent.Count > 0 && random.Next(3) > 0 ? sent[random.Next(sent.Count)].Data! : Forged(random);
                return activity with { Kind = ActivityKind.Button, ButtonData = data, MessageId = null };
            case 5:
                return activity with { Text = Pick(random, Odd) };
            case 6:
                var unit = Pick(random, ["x", "đ", "😀", " ", "/", "Tổ {status} "]);
                return activity with { Text = string.Concat(Enumerable.Repeat(unit, random.Next(100, 5000) / unit.Length)) };
            default:
                return activity with { Text = Text(random) };
        }
    }

    private static string Text(Random random)
    {
        var sb = new StringBuilder();
        var parts = random.Next(1, 6);
        for (var i = 0; i < parts; i++) sb.Append(random.Next(4) == 0 ? Pick(random, Odd) : Pick(random, Words)).Append(Pick(random, [" ", ", ", ": ", "\n", ""]));
        return sb.ToString();
    }

    private static string Forged(Random random) => Pick(random,
    [
        "", ":", "x", "pledge:", "pledge:approve:1", "pledge:approve:999999", "pledge:return:-1", "broadcast:stop:1", "choice:0", "choice:99",
        "v1:" + new string('a', 200), "menu:/xuat", "menu:/thongbao hello", "\u0000:\u0000", "😀:😀", Pick(random, Odd), Text(random),
    ]);

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    private static string Describe(Activity a) =>
        a.Kind == ActivityKind.Button ? $"button [{a.ButtonData}]" : $"[{(a.Text is { Length: > 80 } t ? t[..80] + "…" : a.Text)}]";
}
