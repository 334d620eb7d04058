using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.Tests.Fakes;

/// <summary>getUpdates as Telegram does it (held open until news, offsets confirm, a newer poll ends an older one) and webhook pushes.</summary>
public sealed partial class FakeTelegramApi
{
    private async Task<(int, JsonNode?)> GetUpdatesAsync(JsonObject request, CancellationToken aborted)
    {
        var offset = (int?)request["offset"] ?? 0;
        var limit = (int?)request["limit"] ?? 100;
        var timeout = TimeSpan.FromSeconds((int?)request["timeout"] ?? 0);
        CancellationTokenSource mine;
        lock (_gate)
        {
            if (WebhookUrl is not null)
                return Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            if (request["allowed_updates"] is JsonArray allowed) AllowedUpdates = [.. allowed.Select(a => (string)a!)];
            _openPoll?.Cancel(); // the older poll is answered 409, as Telegram does with two pollers
            _openPoll = mine = new CancellationTokenSource();
            PollsStarted++;
            PollOpen = true;
            LastPoll = (JsonObject)request.DeepClone();
            if (offset > 0) _updates.RemoveAll(u => (int)u["update_id"]! < offset);
            else if (offset < 0 && _updates.Count > -offset) _updates.RemoveRange(0, _updates.Count + offset);
        }
        Changed();
        var deadline = DateTime.UtcNow + timeout;
        try
        {
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    changed = _changed.Task;
                    if (AllowedUpdates is { Length: > 0 } types) _updates.RemoveAll(u => !types.Any(u.ContainsKey));
                    var batch = _updates.Take(limit).Select(u => u.DeepClone()).ToArray();
                    if (batch.Length > 0 || DateTime.UtcNow >= deadline) return Ok(new JsonArray(batch));
                }
                using var both = CancellationTokenSource.CreateLinkedTokenSource(mine.Token, aborted);
                try
                {
                    await changed.WaitAsync(deadline - DateTime.UtcNow, both.Token);
                }
                catch (TimeoutException) { }
                catch (OperationCanceledException) when (aborted.IsCancellationRequested)
                {
                    lock (_gate) PollsAborted++;
                    return (499, new JsonObject { ["ok"] = false });
                }
                catch (OperationCanceledException)
                {
                    return Error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
                }
            }
        }
        finally
        {
            lock (_gate)
                if (_openPoll == mine) PollOpen = false;
        }
    }

    /// <summary>Posts an update to the webhook as Telegram does; returns the HTTP status the bot answered.</summary>
    public async Task<int> PushAsync(string updateJson, string? secret)
    {
        var registered = new Uri(WebhookUrl ?? throw new InvalidOperationException("No webhook is set."));
        var target = WebhookTarget is { } t ? new Uri(t, registered.PathAndQuery) : registered;
        using var http = new HttpClient();
        using var post = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(updateJson, System.Text.Encoding.UTF8, "application/json") };
        if (secret is not null) post.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        int status;
        try
        {
            using var response = await http.SendAsync(post);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            status = 0;
        }
        lock (_gate) _webhookStatuses.Add(status);
        Changed();
        return status;
    }

    private static async Task<JsonObject> ReadRequestAsync(HttpRequest request)
    {
        var json = new JsonObject();
        foreach (var (key, value) in request.Query) json[key] = Value(value.ToString());
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var (key, value) in form) json[key] = Value(value.ToString());
            foreach (var file in form.Files) json[file.Name] = new JsonObject { ["file_name"] = file.FileName, ["length"] = file.Length };
            // "attach://<part>" refers to a file part by name.
            foreach (var (key, value) in form)
                if (value.ToString() is ['a', 't', 't', 'a', 'c', 'h', ':', '/', '/', .. var part] && form.Files.GetFile(part) is { } attached)
                    json[key] = new JsonObject { ["file_name"] = attached.FileName, ["length"] = attached.Length };
        }
        else if (await new StreamReader(request.Body).ReadToEndAsync() is { Length: > 0 } body && JsonNode.Parse(body) is JsonObject parsed)
        {
            foreach (var (key, value) in parsed) json[key] = value?.DeepClone();
        }
        return json;
    }

    // Form fields carry numbers and JSON objects as text.
    private static JsonNode? Value(string text) =>
        text.Length > 0 && (text[0] is '{' or '[' || long.TryParse(text, out _) || text is "true" or "false") ? JsonNode.Parse(text) : JsonValue.Create(text);
}
