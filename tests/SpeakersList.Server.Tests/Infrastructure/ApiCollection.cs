namespace SpeakersList.Server.Tests.Infrastructure;

/// <summary>The tests that share one host and one database; data is reset before each test.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<SpeakersListApp>
{
    public const string Name = "api";
}

/// <summary>Base of the tests in the api collection: a fresh database state before each test.</summary>
[Collection(ApiCollection.Name)]
public abstract class ApiTest(SpeakersListApp app) : IAsyncLifetime
{
    protected SpeakersListApp App { get; } = app;

    protected Api Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.ResetAsync();
        Api = new Api(App.CreateClient());
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
