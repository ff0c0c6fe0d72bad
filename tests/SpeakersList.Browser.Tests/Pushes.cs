using Microsoft.Playwright;

namespace SpeakersList.Browser.Tests;

/// <summary>Network conditions on the live connection, for races that are otherwise a matter of luck.</summary>
public static class Pushes
{
    /// <summary>While <paramref name="holding"/> is true, the page does not receive pushes of the list (a slow network).</summary>
    public static Task HoldListPushes(IPage page, Func<bool> holding) =>
        page.RouteWebSocketAsync("**/hubs/live**", ws =>
        {
            var server = ws.ConnectToServer();
            ws.OnMessage(frame => { if (frame.Text is { } text) server.Send(text); else server.Send(frame.Binary!); });
            server.OnMessage(frame =>
            {
                if (frame.Text is { } text && holding() && text.Contains("\"speakersListChanged\"", StringComparison.Ordinal)) return;
                if (frame.Text is { } t) ws.Send(t); else ws.Send(frame.Binary!);
            });
        });
}
