using System.Security.Claims;

namespace SpeakersList.Server.SpeakersLists.Withdrawing;

/// <summary>A delegation withdraws its inscription before it is called.</summary>
public static class WithdrawEndpoint
{
    /// <summary>Withdraw an inscription. Repeating it changes nothing. Optional: commandId and expectedVersion in the query.</summary>
    [WolverineDelete("/api/meetings/{meetingId}/inscriptions/{inscriptionId}", OperationId = "Withdraw")]
    [DelegationMayAct]
    [ProducesResponseType<CommandAccepted>(200)]
    public static (IResult, Events) Delete(
        Guid inscriptionId,
        [FromQuery] Guid? commandId,
        [FromQuery] long? expectedVersion,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list,
        TimeProvider clock,
        ClaimsPrincipal user)
    {
        if (list.Find(inscriptionId) is { } entry && Actor.Of(user).RefuseUnlessFor(entry.Speaker.Participant) is { } refused) return (refused, []);
        var command = new Withdraw(commandId ?? Guid.Empty, inscriptionId, expectedVersion);
        return Inscription.Decide(list, command, clock.GetUtcNow()).Respond(list);
    }
}
