using JasperFx.Events;
using Marten.Events.Aggregation;

namespace SpeakersList.Server.Infrastructure;

/// <summary>
/// An inline snapshot folded by the domain alone: the projection hands each of the stream's events of type
/// <typeparamref name="TEvent"/> to the domain's <see cref="StreamFold"/>, and knows no event itself.
/// </summary>
public abstract class DomainFold<TSnapshot, TEvent> : SingleStreamProjection<TSnapshot, Guid>
    where TSnapshot : class, IStreamSnapshot<TSnapshot, TEvent>
{
    public override TSnapshot? Evolve(TSnapshot? snapshot, Guid id, IEvent e) => e.Data is TEvent data ? StreamFold.Next(snapshot, data) : snapshot;
}
