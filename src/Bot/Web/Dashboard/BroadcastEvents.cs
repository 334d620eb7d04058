using System.Text.Json;
using Bot.Broadcasts;
using Bot.Broadcasts.Outbox;
using Bot.Web.SignIn;

namespace Bot.Web.Dashboard;

/// <summary>
/// A broadcast's counts as server-sent events, every second until it is no longer sending. Officers only (the same
/// policy as the pages, and the use case checks again).
/// </summary>
public static class BroadcastEvents
{
    public static IEndpointRouteBuilder MapBroadcastEvents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/quantri/thongbao/{id:int}/events", StreamAsync).RequireAuthorization(OfficerSession.Policy);
        return endpoints;
    }

    private static async Task StreamAsync(HttpContext http, int id, BroadcastService broadcasts)
    {
        if (OfficerSession.Actor(http) is not { } officer) return;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        var ct = http.RequestAborted;
        while (!ct.IsCancellationRequested)
        {
            if (await broadcasts.ProgressAsync(officer, id, ct) is not { } status) return;
            int N(RecipientState s) => status.Counts.GetValueOrDefault(s);
            var data = JsonSerializer.Serialize(new
            {
                state = status.Broadcast.State.ToString().ToLowerInvariant(),
                total = status.Broadcast.Total,
                sent = N(RecipientState.Sent),
                pending = N(RecipientState.Pending),
                unreachable = N(RecipientState.Unreachable) + N(RecipientState.Failed),
                cancelled = N(RecipientState.Cancelled),
            });
            await http.Response.WriteAsync($"data: {data}\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
            if (status.Broadcast.State != BroadcastState.Sending) return;
            // A pause between two pushes to one page, not a reading of the clock: real time, so that a fake clock in
            // tests cannot freeze the stream.
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
