namespace SpeakersList.Server.SpeakersLists.Managing;

/// <summary>Rule 73: the list is declared closed; rights of reply may still be accorded.</summary>
public static class CloseListEndpoint
{
    /// <summary>Close the list of speakers (rule 73).</summary>
    [WolverinePost("/api/meetings/{meetingId}/speakers-list/close", OperationId = "CloseList")]
    [ProducesResponseType<CommandAccepted>(200)]
    public static (IResult, Events) Post(CloseList command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list, TimeProvider clock) =>
        ListManagement.Decide(list, command, clock.GetUtcNow()).Respond(list);
}
