using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace SpeakersList.Server.Live;

public static class Bursts
{
    /// <summary>What the commits queued, a burst at a time: all that is waiting once something is, so one push serves many commits.</summary>
    public static async IAsyncEnumerable<List<T>> ReadBurstsAsync<T>(this ChannelReader<T> reader, [EnumeratorCancellation] CancellationToken cancellation)
    {
        while (await reader.WaitToReadAsync(cancellation))
        {
            var burst = new List<T>();
            while (reader.TryRead(out var item)) burst.Add(item);
            yield return burst;
        }
    }
}
