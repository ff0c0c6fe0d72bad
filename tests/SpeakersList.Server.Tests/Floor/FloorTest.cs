using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Floor;

/// <summary>
/// A test in the api collection that moves the clock through a meeting's hours. FakeTimeProvider.SetUtcNow
/// cannot go back, and SpeakersListApp.ResetAsync sets 09:00: so the clock is wound back to 09:00 (AdjustTime)
/// before the reset and again after the test, so that the other tests of the collection start at 09:00 too.
/// </summary>
public abstract class FloorTest(SpeakersListApp app) : ApiTest(app), IAsyncLifetime
{
    public static readonly DateTimeOffset Morning = Api.Day1 + TimeSpan.FromHours(9);

    /// <summary>Moves the clock to a time of the first day (forward only).</summary>
    protected void Now(string time) => App.Clock.SetUtcNow(Api.Day1 + TimeSpan.Parse(time));

    public new async Task InitializeAsync()
    {
        App.Clock.AdjustTime(Morning);
        await base.InitializeAsync();
    }

    public new async Task DisposeAsync()
    {
        App.Clock.AdjustTime(Morning);
        await base.DisposeAsync();
    }
}
