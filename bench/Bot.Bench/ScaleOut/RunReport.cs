using System.Globalization;

namespace Bot.Bench.ScaleOut;

/// <summary>What one run's members sent and got: per update its answer found by the script's signatures.</summary>
public sealed record RunReport(string Label, int Sent, int Acknowledged, int Answered, int Lost, int AnsweredTwice, int OutOfOrder, double TurnsPerSecond, double P50Ms, double P99Ms, int Violations)
{
    public bool Clean => Lost == 0 && AnsweredTwice == 0 && OutOfOrder == 0 && Sent == Acknowledged;

    public static RunReport Of(string label, Traffic traffic, RecordingBotApi api, MemberScript script, int members)
    {
        var posted = traffic.All.Where(p => p.Step >= 0).ToList();
        var latencies = new List<double>();
        var (answered, lost, twice, outOfOrder) = (0, 0, 0, 0);
        var (first, last) = (TimeSpan.MaxValue, TimeSpan.Zero);
        for (var m = 0; m < members; m++)
        {
            var chat = Traffic.ChatOf(m);
            var received = api.To(chat).Select(r => (Step: script.StepOf(r.Text), r.At)).Where(r => r.Step >= 0).ToList();
            // Replies in the order of the messages: the steps answered never go back.
            for (var i = 1; i < received.Count; i++) if (received[i].Step < received[i - 1].Step) outOfOrder++;
            foreach (var p in posted.Where(p => p.Chat.ToString(CultureInfo.InvariantCulture) == chat))
            {
                if (p.At < first) first = p.At;
                var answers = received.Where(r => r.Step == p.Step).ToList();
                if (answers.Count == 0)
                {
                    if (p.Acknowledged) lost++;
                    continue;
                }
                answered++;
                if (answers.Count > 1) twice++;
                latencies.Add((answers[0].At - p.At).TotalMilliseconds);
                if (answers[0].At > last) last = answers[0].At;
            }
        }
        latencies.Sort();
        var seconds = Math.Max(0.001, (last - first).TotalSeconds);
        return new RunReport(label, posted.Count, posted.Count(p => p.Acknowledged), answered, lost, twice, outOfOrder,
            answered / seconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99), api.Violations);
    }

    /// <summary>What a member with a step unanswered received, to see why.</summary>
    public static string? Example(Traffic traffic, RecordingBotApi api, MemberScript script, int members)
    {
        for (var m = 0; m < members; m++)
        {
            var chat = Traffic.ChatOf(m);
            var received = api.To(chat);
            var steps = received.Select(r => script.StepOf(r.Text)).ToList();
            if (Enumerable.Range(0, script.Count).All(steps.Contains) && steps.Where(s => s >= 0).Count() == script.Count) continue;
            return $"  e.g. member {chat} received: " + string.Join(" | ", received.Select((r, i) => $"[{steps[i]}] {r.Text[..Math.Min(60, r.Text.Length)].ReplaceLineEndings(" ")}"));
        }
        return null;
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"  {Label,-34} sent {Sent}, acknowledged {Acknowledged}, answered {Answered}; lost {Lost}, answered twice {AnsweredTwice}, out of order {OutOfOrder}; " +
        $"{TurnsPerSecond:0} turns/s, p50 {P50Ms:0} ms, p99 {P99Ms:0} ms; 429s {Violations}");
}
