using Marten.Services;
using Microsoft.AspNetCore.SignalR;
using SpeakersList.Interpretation;
using SpeakersList.Server.Live;

namespace SpeakersList.Server.Booths.Messaging;

/// <summary>
/// A booth's message must reach the chair at once: after the commit, each message sent or dismissed is pushed to the
/// officers following the meeting's booth messages (boothMessage, boothMessageDismissed), not coalesced with the list's pushes.
/// </summary>
public sealed class BoothMessagesPush(IHubContext<LiveHub> hub, ILogger<BoothMessagesPush> logger) : DocumentSessionListenerBase
{
    public const string BoothMessage = "boothMessage";
    public const string BoothMessageDismissed = "boothMessageDismissed";

    public override async Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var data in commit.GetEvents().Select(e => e.Data))
        {
            try
            {
                if (data is BoothMessageSent sent)
                    await hub.Clients.Group(LiveHub.BoothMessagesGroup(sent.MeetingId)).SendAsync(BoothMessage,
                        new BoothMessageView(sent.MessageId, sent.MeetingId, sent.Room, sent.Kind, sent.Text, sent.At, null), token);
                else if (data is BoothMessageDismissed dismissed)
                    await hub.Clients.Group(LiveHub.BoothMessagesGroup(dismissed.MeetingId)).SendAsync(BoothMessageDismissed,
                        new { dismissed.MeetingId, dismissed.MessageId, DismissedAt = dismissed.At }, token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The message is committed; the console lists it again when it resubscribes.
                logger.LogWarning(ex, "Could not push a booth message of meeting {MeetingId}", (data as IMeetingEvent)?.MeetingId);
            }
        }
    }
}

public static class BoothsSetup
{
    /// <summary>The booths' line to the chair: its push after commit.</summary>
    public static IServiceCollection AddBooths(this IServiceCollection services)
    {
        services.AddSingleton<BoothMessagesPush>();
        services.ConfigureMarten((provider, options) => options.Listeners.Add(provider.GetRequiredService<BoothMessagesPush>()));
        return services;
    }
}
