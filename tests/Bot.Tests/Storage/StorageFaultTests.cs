using Bot.Builder.State;
using Bot.Conversations;
using Bot.Storage;
using Microsoft.Extensions.Hosting;

namespace Bot.Tests.Storage;

/// <summary>When the storage itself fails, the member hears it and the process stops (to be restarted), never lives on deaf.</summary>
public class StorageFaultTests
{
    /// <summary>/luu: stores something, as every registration does; the disk is full.</summary>
    private sealed class SaveCommand(StorageWriter writer) : ICommand
    {
        public IReadOnlyList<string> Names => ["luu"];

        public async Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken)
        {
            await UnitOfWork.WriteAsync(writer, new LiteWrite("full disk", _ => throw new IOException("No space left on device")), cancellationToken);
            await turn.SendAsync("Đã lưu.", cancellationToken);
        }
    }

    [Fact]
    public async Task ADiskFullDuringATurnGetsTheApologyNotAConfirmationAndStopsTheHost()
    {
        await using var bot = await TestBot.StartAsync(services: s => s.AddCommand<SaveCommand>());
        await bot.Flow().Send("/luu").AssertReply(TestBot.Text("core.turn-failed"));
        Assert.DoesNotContain(bot.Connector.All, r => r.Text.Contains("Đã lưu"));
        Assert.IsType<IOException>(bot.Services.GetRequiredService<StorageWriter>().Fault);
        Assert.True(bot.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
    }
}
