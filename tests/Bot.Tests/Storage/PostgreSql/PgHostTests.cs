using Bot.Hosting;
using Bot.Pledges;
using Bot.Tests.Fakes;
using Bot.Tests.Pledges;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Storage.PostgreSql;

/// <summary>The whole bot on PostgreSQL: one setting away, the connection string never in a log line or an error.</summary>
public sealed class PgHostTests : IAsyncLifetime
{
    private const string Password = "pg-Secret-7731";
    private PgTestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await PgTestDatabase.CreateAsync(migrate: false);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task APledgeRegisteredOnPostgreSqlIsThereAfterARestartTheStorageIsHealthyAndNoLogLineHoldsThePassword()
    {
        if (_db.Off) return;
        var logs = new LogCapture();
        // The throwaway server trusts local connections, so the password is accepted and never checked: only its absence from the logs is.
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:ConnectionString"] = _db.ConnectionString + ";Password=" + Password,
            ["Logging:LogLevel:Default"] = "Trace",
        };
        await using (var first = await TestBot.StartAsync(settings, services: s => s.AddSingleton<ILoggerProvider>(logs)))
        {
            Assert.IsType<PgPledgeStore>(first.Services.GetRequiredService<IPledgeStore>());
            await first.Flow("u1", chatId: "g1", chatKind: ChatKind.Group).Send("/dangky Nguyễn Văn An, Công nhân, Tổ Cơ khí, LĐTT").Drain(first)
                .Press("Xác nhận").Contains("Đã ghi nhận");
            var health = await first.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
            Assert.Equal(HealthStatus.Healthy, health.Entries["storage"].Status);
            Assert.StartsWith("PostgreSQL, schema ", health.Entries["storage"].Description);
            Assert.Equal(HealthStatus.Healthy, health.Entries["backup"].Status);
            await first.Flow("officer").Send("/saoluu").AssertReply(TestBot.Text("ops.backup-postgresql"));
        }
        await using (var second = await TestBot.StartAsync(settings, services: s => s.AddSingleton<ILoggerProvider>(logs)))
        {
            await second.Flow("u1").Send("/cuatoi").Contains("#1", "Lao động tiên tiến", "Chờ duyệt");
        }

        Assert.Contains(logs.Lines, l => l.Text.Contains("PostgreSQL schema migrated", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Text.Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostgreSqlWithoutAConnectionStringStopsTheStartWithOneSentence()
    {
        var errors = new StringWriter();
        var code = await BotHost.RunAsync(["--Storage:Provider=PostgreSql", "--LocalChat:Enabled=false", "--Urls=http://127.0.0.1:0"], errors);
        Assert.Equal(2, code);
        Assert.Equal(
            "Storage:ConnectionString is required when Storage:Provider is PostgreSql (set the environment variable Storage__ConnectionString or a user secret).",
            errors.ToString().Trim());
    }

    [Fact]
    public async Task AServerThatDoesNotAnswerStopsTheStartNamingHostAndDatabaseButNotThePassword()
    {
        var errors = new StringWriter();
        var code = await BotHost.RunAsync(
            ["--Storage:Provider=PostgreSql", $"--Storage:ConnectionString=Host=127.0.0.1;Port=1;Database=bot;Username=bot;Password={Password};Timeout=3",
             "--LocalChat:Enabled=false", "--Urls=http://127.0.0.1:0"], errors);
        Assert.Equal(2, code);
        Assert.StartsWith("PostgreSQL at 127.0.0.1:1, database bot, cannot be used:", errors.ToString().Trim());
        Assert.DoesNotContain(Password, errors.ToString());
    }

    [Fact]
    public async Task AConnectionStringThatIsNoConnectionStringIsRefusedWithoutQuotingIt()
    {
        var errors = new StringWriter();
        var code = await BotHost.RunAsync(["--Storage:Provider=PostgreSql", $"--Storage:ConnectionString=Hots=db;Passwort={Password}", "--LocalChat:Enabled=false"], errors);
        Assert.Equal(2, code);
        Assert.Contains("Storage:ConnectionString is not a valid PostgreSQL connection string", errors.ToString());
        Assert.DoesNotContain(Password, errors.ToString());
    }
}
