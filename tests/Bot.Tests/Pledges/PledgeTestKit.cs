using Bot.Builder.Testing;
using Bot.Pledges;

namespace Bot.Tests.Pledges;

/// <summary>Shortcuts for pledge transcripts: the repository, and the steps every guided form starts with.</summary>
internal static class PledgeTestKit
{
    public static PledgeTestStore Pledges(this TestBot bot) => new(bot.Services.GetRequiredService<IPledgeStore>());

    public static TestFlow Contains(this TestFlow flow, params string[] parts) =>
        flow.AssertReply(r => parts.All(p => r.Text.Contains(p, StringComparison.Ordinal)), "a reply containing " + string.Join(" + ", parts.Select(p => $"\"{p}\"")));

    /// <summary>Forgets whatever else the bot said in this chat (a question repeated after an error message, say).</summary>
    public static TestFlow Drain(this TestFlow flow, TestBot bot) => flow.Do(() =>
    {
        while (bot.Connector.TryDequeue(flow.Template.ChatId, out _)) { }
        return Task.CompletedTask;
    });

    /// <summary>/dangky up to the title question: name, position, unit, movements skipped.</summary>
    public static TestFlow UpToTitle(this TestFlow flow, string name = "Nguyễn Văn An", string position = "Công nhân", string unit = "Tổ Cơ khí") =>
        flow.Send("/dangky").Contains("Họ và tên")
            .Send(name).Contains("Chức vụ")
            .Send(position).Contains("tổ công đoàn")
            .Send(unit).Contains("phong trào")
            .Send("bỏ qua").Contains("danh hiệu");

    /// <summary>A complete LĐTT registration through the guided form, confirmed.</summary>
    public static TestFlow RegisterLdtt(this TestFlow flow, string name = "Nguyễn Văn An", string unit = "Tổ Cơ khí") =>
        flow.UpToTitle(name, unit: unit)
            .Send("LĐTT").Contains("khen thưởng")
            .Send("bỏ qua").Contains("cam kết")
            .Send("bỏ qua").Contains("Kiểm tra lại")
            .Press("Xác nhận").Contains("Đã lưu");
}
