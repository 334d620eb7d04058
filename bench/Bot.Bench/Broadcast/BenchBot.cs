using Bot.Storage;
using System.Globalization;
using Bot.Audience;
using Bot.Broadcasts;
using Bot.Broadcasts.Outbox;
using Bot.Builder.Activities;
using Bot.Hosting;
using LiteDB;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Bench.Broadcast;

/// <summary>The real bot host (BotHost.Build, as in production) on a LiteDB file, talking to the fake Bot API.</summary>
public sealed class BenchBot : IAsyncDisposable
{
    public const string OfficerChat = "1";
    private readonly WebApplication _app;

    private BenchBot(WebApplication app) => _app = app;

    public IBroadcastStore Store => _app.Services.GetRequiredService<IBroadcastStore>();

    /// <summary>The real Telegram channel (Telegram.Bot, its error mapping, no automatic 429 retry) pointed at the fake.</summary>
    public static async Task<BenchBot> StartAsync(BenchSettings s, string apiUrl)
    {
        var app = BotHost.Build([], new BotHostOverrides
        {
            Configuration = c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Path"] = s.DbPath,
                ["LocalChat:Enabled"] = "false",
                ["Urls"] = "http://127.0.0.1:0",
                ["Officers:Users:0"] = $"telegram:{OfficerChat}",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Pacing:Channels:telegram:MessagesPerSecond"] = s.Rate.ToString(CultureInfo.InvariantCulture),
                ["Broadcasts:MaxInFlight"] = s.InFlight.ToString(CultureInfo.InvariantCulture),
                ["Telegram:BotToken"] = "4242:BENCH_fake_token_not_a_secret",
                ["Telegram:ApiBaseUrl"] = apiUrl,
                ["Telegram:PollTimeoutSeconds"] = "1",
            }),
        });
        await app.StartAsync();
        return new BenchBot(app);
    }

    /// <summary>
    /// Recipients as the chat directory knows them after they talked to the bot: private chats and groups. Written
    /// in one transaction (seeding is not what is measured; one fsync per chat would take minutes).
    /// </summary>
    public void Seed(BenchSettings s)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var chats = Recipients(s).Select(r => new KnownChat
        {
            Id = KnownChat.KeyOf("telegram", r.ChatId),
            Channel = "telegram",
            ChatId = r.ChatId,
            Kind = r.Kind,
            Title = r.Kind == ChatKind.Private ? $"Member {r.ChatId}" : "",
            FirstSeen = now,
            LastSeen = now,
        }).ToList();
        // Through the one writer, like every write of the bot.
        _app.Services.GetRequiredService<StorageWriter>()
            .CommitAsync([new LiteWrite("seed chats", d => d.GetCollection<KnownChat>(LiteDbChatDirectory.Collection).InsertBulk(chats))], default)
            .GetAwaiter().GetResult();
    }

    public static IEnumerable<(string ChatId, ChatKind Kind)> Recipients(BenchSettings s)
    {
        var groups = (int)Math.Round(s.Recipients * s.GroupShare);
        for (var i = 0; i < s.Recipients; i++)
            yield return i < groups ? ($"-100{1_000_000 + i}", ChatKind.Group) : ((1_000_000 + i).ToString(CultureInfo.InvariantCulture), ChatKind.Private);
    }

    /// <summary>Stores the announcement with all its rows and starts sending; returns the broadcast and how long preparing took.</summary>
    public async Task<(BroadcastRecord Record, TimeSpan Prepare)> BroadcastAsync(string text)
    {
        var started = TimeProvider.System.GetTimestamp();
        var starter = _app.Services.GetRequiredService<BroadcastStarter>();
        var draft = new BroadcastDraft { Kind = BroadcastKind.Announcement, Text = text, Audience = AudienceKind.All };
        var recipients = await starter.RecipientsAsync(draft, CancellationToken.None);
        var officer = new ReportChat { Channel = "telegram", ChatId = OfficerChat, Kind = ChatKind.Private, Language = "vi" };
        var record = (await starter.CreateAsync(draft, recipients, $"telegram:{OfficerChat}", [officer]))!;
        var prepare = TimeProvider.System.GetElapsedTime(started);
        await starter.StartAsync(record);
        return (record, prepare);
    }

    public async Task WaitFinishedAsync(int broadcastId, Action<Dictionary<RecipientState, int>>? progress = null)
    {
        var lastReport = TimeProvider.System.GetTimestamp();
        while ((await Store.FindAsync(broadcastId))?.State is not (BroadcastState.Completed or BroadcastState.Cancelled))
        {
            await Task.Delay(100);
            if (progress is not null && TimeProvider.System.GetElapsedTime(lastReport) > TimeSpan.FromSeconds(30))
            {
                progress(await Store.CountsAsync(broadcastId));
                lastReport = TimeProvider.System.GetTimestamp();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record BenchSettings
{
    public int Recipients { get; init; } = 10_000;
    public double Rate { get; init; } = 25;
    public double GroupShare { get; init; } = 0.2;
    public double? ApiLimit { get; init; }
    public int LatencyMs { get; init; }
    public int InFlight { get; init; } = 1;
    public int Blocked { get; init; }
    public int? CrashAfter { get; init; }
    public string DbPath { get; init; } = "";

    /// <summary>Telegram allows about 30/s at the default 25/s; a faster run raises the fake's limit in proportion.</summary>
    public double EffectiveApiLimit => ApiLimit ?? 30 * Rate / 25;
}
