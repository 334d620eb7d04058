using Bot.Channels;
using Bot.Content;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;

namespace Bot.Web.Chat;

/// <summary>
/// The page's three calls: send a message or a button press, wait for new messages (long poll), download a file the
/// bot sent. Each acts only on the visitor named by their cookie; posts carry the page's antiforgery token.
/// </summary>
public static class WebChatEndpoints
{
    /// <summary>How long one poll waits for an answer before the page asks again.</summary>
    public static readonly TimeSpan PollWait = TimeSpan.FromSeconds(25);

    public const string RateLimit = "web-chat";

    /// <summary>Messages one visitor may send per minute: a person types far fewer; a script flooding the bot is slowed.</summary>
    public const int PerMinute = 30;

    public sealed record SendRequest(string? Text, string? Button);

    /// <summary>Per visitor cookie (or address, before there is one): 30 a minute.</summary>
    public static RateLimitPartition<string> LimitPerVisitor(HttpContext http) =>
        RateLimitPartition.GetFixedWindowLimiter(Visitor.Find(http) ?? http.Connection.RemoteIpAddress?.ToString() ?? "", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        });

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder endpoints)
    {
        var chat = endpoints.MapGroup("/chat");
        chat.MapPost("/send", SendAsync).RequireRateLimiting(RateLimit);
        chat.MapGet("/messages", MessagesAsync);
        chat.MapGet("/files/{id}", File);
        return endpoints;
    }

    private static async Task<IResult> SendAsync(
        HttpContext http, SendRequest request, IAntiforgery antiforgery, Inbox inbox, WebTranscripts transcripts, Texts texts, TimeProvider time)
    {
        if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
        if (Visitor.Current(http) is not { } visitor) return Results.BadRequest();
        var text = InboundText.Bound(request.Text, InboundText.Local)?.Trim();
        var button = InboundText.Bound(request.Button, InboundText.ButtonData);
        if (string.IsNullOrEmpty(text) && string.IsNullOrEmpty(button)) return Results.BadRequest();

        var lang = WebLanguage.Of(http);
        var transcript = transcripts.For(visitor);
        var now = time.GetUtcNow();
        // The visitor's own line shows at once; a pressed button shows as its label.
        var shown = text ?? request.Button!;
        if (button is not null) shown = transcript.After(0).SelectMany(m => m.Buttons).LastOrDefault(b => b.Data == button)?.Label ?? shown;
        var mine = transcript.Add(false, shown, [], null, now);
        await inbox.HandOverAsync(new Activity
        {
            Channel = WebConnector.Name,
            ChatId = visitor,
            ChatKind = ChatKind.Private,
            UserId = visitor,
            UserName = texts.Get(lang, "web.visitor-name"),
            Kind = button is null ? ActivityKind.Message : ActivityKind.Button,
            Text = button is null ? text : null,
            ButtonData = button,
            MessageId = $"{visitor}-{mine.Id}",
            Language = lang,
            Timestamp = now,
        }, http.RequestAborted);
        return Results.Accepted(value: new { seq = mine.Seq });
    }

    private static async Task<IResult> MessagesAsync(HttpContext http, long? after, bool? wait, WebTranscripts transcripts, TimeProvider time)
    {
        if (Visitor.Current(http) is not { } visitor) return Results.Ok(new { messages = Array.Empty<object>() });
        var transcript = transcripts.For(visitor);
        var messages = wait == true
            ? await transcript.WaitAfterAsync(after ?? 0, PollWait, time, http.RequestAborted)
            : transcript.After(after ?? 0);
        return Results.Ok(new
        {
            messages = messages.Select(m => new
            {
                m.Id, m.Seq, m.FromBot, m.Text,
                Buttons = m.Buttons.Select(b => new { b.Label, b.Data, b.Url }),
                File = m.File is { } f ? new { f.Name, Url = $"/chat/files/{f.Id}" } : null,
            }),
        });
    }

    private static IResult File(HttpContext http, string id, WebTranscripts transcripts)
    {
        if (Visitor.Current(http) is not { } visitor || transcripts.Find(visitor)?.File(id) is not { } file) return Results.NotFound();
        return Results.File(file.Content, file.ContentType, file.Name);
    }
}
