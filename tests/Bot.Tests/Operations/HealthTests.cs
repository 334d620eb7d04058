using System.Net;
using Bot.Tests.Fakes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Bot.Tests.Operations;

/// <summary>/healthz (alive) and /readyz (store, content, channels) over HTTP, and the same in chat with /trangthai.</summary>
public sealed class HealthTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    internal static Uri Address(IServiceProvider services) =>
        new(services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    [Fact]
    public async Task AHealthyBotIsAliveAndReady()
    {
        await using var bot = await TestBot.StartAsync();
        var live = await Http.GetAsync(new Uri(Address(bot.Services), "/healthz"));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var ready = await Http.GetAsync(new Uri(Address(bot.Services), "/readyz"));
        var body = await ready.Content.ReadAsStringAsync();
        Assert.True(ready.StatusCode == HttpStatusCode.OK, body);
        Assert.Contains("\"storage\"", body);
        Assert.Contains("\"plans\": \"3\"", body);
    }

    [Fact]
    public async Task ABrokenStoreIsNotReadyButStillAlive()
    {
        await using var bot = await TestBot.StartAsync();
        bot.Services.GetRequiredService<LiteDB.LiteDatabase>().Dispose();
        var ready = await Http.GetAsync(new Uri(Address(bot.Services), "/readyz"));
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(body);
        var storage = json.RootElement.GetProperty("checks").GetProperty("storage");
        Assert.Equal("Unhealthy", storage.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("content").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(new Uri(Address(bot.Services), "/healthz"))).StatusCode);
    }

    [Fact]
    public async Task TelegramIsReadyOnceItsFirstPollIsAnswered()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var member = new FakeUser(1001, "An");
        var chat = host.Api.PrivateChat(member);
        host.Api.Say(member, chat, "/dot");
        await host.Api.NextBotMessageAsync(chat, 0); // a poll answered
        var body = await Http.GetStringAsync(new Uri(Address(host.Services), "/readyz"));
        Assert.Contains("\"telegram\": \"connected\"", body);
    }

    [Fact]
    public async Task AnOfficerSeesTheStatusInChatAndAMemberIsRefused()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow(userId: "officer").Send("/trangthai")
            .AssertReply(r => r.Text.StartsWith(TestBot.Text("ops.status-ready")) && r.Text.Contains("3 kế hoạch"), "the ready status");
        await bot.Flow(userId: "officer", language: "en").Send("/status").AssertReply(r => r.Text.Contains("Content: 3 plans"), "in English");
        await bot.Flow().Send("/trangthai").AssertReply(TestBot.Text("core.officer-only"));
    }

    [Fact]
    public async Task WithItsOwnAddressHealthAnswersOnlyThere()
    {
        using var free = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        free.Start();
        var port = ((IPEndPoint)free.LocalEndpoint).Port;
        free.Stop();
        await using var bot = await TestBot.StartAsync(new Dictionary<string, string?> { ["Operations:Urls"] = $"http://127.0.0.1:{port}" });
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync($"http://127.0.0.1:{port}/readyz")).StatusCode);
        var main = bot.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First(a => !a.EndsWith($":{port}", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(new Uri(new Uri(main), "/readyz"))).StatusCode);
    }
}
