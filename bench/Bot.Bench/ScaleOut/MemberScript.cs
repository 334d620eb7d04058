using System.Text;

namespace Bot.Bench.ScaleOut;

/// <summary>
/// What each member sends — /start, a text command, then the pledge form step by step — and how each step's answer
/// is recognised: by the first reply a calibration member got for that step, alone on a quiet bot (digits ignored,
/// the first 40 characters). A step's signature must match no other message of the calibration, or the check could
/// not tell the answers apart; calibration fails loudly if one does.
/// </summary>
public sealed class MemberScript
{
    public static readonly string[] Steps = ["/start", "/dot", "/dangky", "Nguyễn Văn An", "Kỹ sư", "Tổ Cơ khí", "1", "ok"];

    private readonly string[] _signatures;

    private MemberScript(string[] signatures) => _signatures = signatures;

    public int Count => Steps.Length;

    /// <summary>The step a reply answers, or -1 for another part of a reply (or a broadcast).</summary>
    public int StepOf(string text) => Array.IndexOf(_signatures, Signature(text));

    public static async Task<MemberScript> CalibrateAsync(Traffic traffic, RecordingBotApi api, long chat)
    {
        var key = chat.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signatures = new string[Steps.Length];
        for (var i = 0; i < Steps.Length; i++)
        {
            var before = api.To(key).Count;
            await traffic.SendAsync(chat, Steps[i]);
            if (!await traffic.WaitForAsync(chat, _ => true, TimeSpan.FromSeconds(20), before + 1))
                throw new InvalidOperationException($"Calibration: no answer to '{Steps[i]}'");
            // Quiet for 1 s: every part of the answer is in.
            while (await traffic.WaitForAsync(chat, _ => true, TimeSpan.FromSeconds(1), api.To(key).Count + 1))
            {
            }
            signatures[i] = Signature(api.To(key)[before].Text);
        }
        var all = api.To(key).Select(m => Signature(m.Text)).ToList();
        for (var i = 0; i < Steps.Length; i++)
            if (all.Count(s => s == signatures[i]) != 1)
                throw new InvalidOperationException($"Calibration: the answer to step {i} ('{Steps[i]}') cannot be told apart: {signatures[i]}");
        return new MemberScript(signatures);
    }

    private static string Signature(string text)
    {
        var kept = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsDigit(c)) continue;
            kept.Append(c);
            if (kept.Length == 40) break;
        }
        return kept.ToString();
    }
}
