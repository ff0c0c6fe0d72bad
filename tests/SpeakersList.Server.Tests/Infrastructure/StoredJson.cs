using System.Text;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace SpeakersList.Server.Tests.Infrastructure;

/// <summary>The event store's own serializer, for the tests of what is stored: JSON read and written as Marten does.</summary>
public static class StoredJson
{
    public static ISerializer StoreSerializer(this SpeakersListApp app) =>
        app.Services.GetRequiredService<IDocumentStore>().Options.Serializer();

    public static T ReadStored<T>(this SpeakersListApp app, string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return app.StoreSerializer().FromJson<T>(stream);
    }
}
