using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace SpeakersList.Server.Tests.Live;

/// <summary>The views a hub pushes, read into their own records with the server's JSON options (the test connection's).</summary>
internal static class HubPushes
{
    public static Channel<TView> Listen<TView>(HubConnection hub, string method)
    {
        var pushes = Channel.CreateUnbounded<TView>();
        hub.On<TView>(method, view => pushes.Writer.TryWrite(view));
        return pushes;
    }

    /// <summary>The next push that is wanted: pushes of earlier commits may still arrive after a subscription.</summary>
    public static async Task<TView> Next<TView>(Channel<TView> pushes, Func<TView, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var pushed = await pushes.Reader.ReadAsync(timeout.Token);
            if (wanted(pushed)) return pushed;
        }
    }
}
