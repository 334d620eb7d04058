using Bot.Pledges;
using Bot.Tests.Storage.PostgreSql;

namespace Bot.Tests.Pledges;

/// <summary>Two instances on one PostgreSQL database: an officer's /mopdangky on one opens the form on the other too.</summary>
public sealed class PgRegistrationAcrossInstancesTests : IAsyncLifetime
{
    private PgTestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await PgTestDatabase.CreateAsync(migrate: false);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private Dictionary<string, string?> Settings => new()
    {
        ["Storage:Provider"] = "PostgreSql",
        ["Storage:ConnectionString"] = _db.ConnectionString,
    };

    [Fact]
    public async Task RegistrationOpenedOnOneInstanceIsOpenOnTheOtherWithinTheRefreshInterval()
    {
        if (_db.Off) return;
        await using var first = await TestBot.StartAsync(Settings, openRegistration: false);
        await using var second = await TestBot.StartAsync(Settings, openRegistration: false);
        var periods = second.Services.GetRequiredService<RegistrationPeriods>();
        var plan = second.Services.GetRequiredService<Bot.Content.BotContent>().DefaultPlanId;

        await first.Flow(userId: "officer").Send("/mopdangky").AssertReply("Đã mở đăng ký");
        await UntilAsync(second, () => periods.Override(plan) is not null);

        await second.Flow().Send("/dangky").Contains("Họ và tên");
    }

    [Fact]
    public async Task AnOfficersClosingOnOneInstanceClosesTheFormOnTheOther()
    {
        if (_db.Off) return;
        await using var first = await TestBot.StartAsync(Settings, openRegistration: false);
        await using var second = await TestBot.StartAsync(Settings, openRegistration: false);
        var plan = second.Services.GetRequiredService<Bot.Content.BotContent>().DefaultPlan;
        await second.Flow(userId: "officer").Send("/mopdangky").AssertReply("Đã mở đăng ký");
        await UntilAsync(first, () => first.Services.GetRequiredService<RegistrationPeriods>().IsOpen(plan));

        await first.Flow(userId: "officer").Send("/dongdangky").AssertReply("Đã đóng đăng ký");
        await UntilAsync(second, () => !second.Services.GetRequiredService<RegistrationPeriods>().IsOpen(plan));

        await second.Flow().Send("/dangky").AssertReply(r => !r.Text.Contains("Họ và tên"), "no form: registration is closed");
    }

    /// <summary>Moves the instance's clock on, one refresh interval at a time, until the condition holds (10 s at most).</summary>
    private static async Task UntilAsync(TestBot bot, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the other instance did not see the officer's change within 10 s");
            bot.Time.Advance(RegistrationPeriods.RefreshEvery);
            await Task.Delay(20);
        }
    }
}
