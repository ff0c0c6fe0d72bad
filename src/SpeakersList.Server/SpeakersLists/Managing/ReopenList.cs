namespace SpeakersList.Server.SpeakersLists.Managing;

public static class ReopenListEndpoint
{
    /// <summary>Reopen a closed list of speakers.</summary>
    [WolverinePost("/api/meetings/{meetingId}/speakers-list/reopen", OperationId = "ReopenList")]
    [ProducesResponseType<CommandAccepted>(200)]
    public static (IResult, Events) Post(ReopenList command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list, TimeProvider clock) =>
        ListManagement.Decide(list, command, clock.GetUtcNow()).Respond(list);
}
