using Marten.Events.Projections;

namespace SpeakersList.Server.Participants;

/// <summary>The participant documents, kept from the registry's events in the same transaction (inline).</summary>
public partial class ParticipantProjection : EventProjection
{
    public static Participant Create(ParticipantRegistered e) => e.Participant;

    public static void Project(ParticipantCorrected e, IDocumentOperations operations) => operations.Store(e.Participant);
}
