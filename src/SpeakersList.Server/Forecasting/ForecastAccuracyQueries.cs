using SpeakersList.Server.Programme;

namespace SpeakersList.Server.Forecasting;

/// <summary>A meeting's forecast set beside what happened: each speaker heard, and the totals (learned and naive errors, p90 coverage).</summary>
public sealed record ForecastAccuracyView(Guid MeetingId, string MeetingTitle, string TimeZone, AccuracyTotals Totals, IReadOnlyList<SpeakerAccuracy> Speakers);

/// <summary>One line per meeting of the conference that has heard speakers: its totals.</summary>
public sealed record MeetingAccuracyLine(Guid MeetingId, string MeetingTitle, DateTimeOffset ScheduledStart, int SpeakersHeard, AccuracyTotals Totals);

public sealed record ProgrammeAccuracyView(Guid ConferenceId, AccuracyTotals Totals, IReadOnlyList<MeetingAccuracyLine> Meetings);

/// <summary>How good the forecast was, rebuilt by replaying each meeting's events (nothing extra is stored).</summary>
public static class ForecastAccuracyQueries
{
    private static async Task<(ListOfSpeakers List, IReadOnlyList<SpeakerAccuracy> Speakers)?> MeetingAsync(
        IQuerySession session, Guid meetingId, IReadOnlyList<SpokenSpeech> history, CancellationToken cancellation)
    {
        var events = (await session.Events.FetchStreamAsync(meetingId, token: cancellation)).Select(e => e.Data).OfType<IMeetingEvent>().ToList();
        if (events is not [MeetingScheduled scheduled, .. var rest]) return null;
        var list = ListOfSpeakers.For(scheduled).Evolve(rest);
        return (list, ForecastAccuracy.Of(scheduled, rest, history));
    }

    /// <summary>
    /// For each speaker heard: what the forecast said 30 and 60 minutes before the actual start (the median, the 90th
    /// percentile and the limits added up), the actual start and the errors; in total the mean absolute error of the
    /// learned forecast beside the naive one's and the share of actual starts that came by the latest likely start.
    /// </summary>
    [WolverineGet("/api/meetings/{meetingId}/forecast-accuracy", OperationId = "GetForecastAccuracy")]
    [ProducesResponseType<ForecastAccuracyView>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid meetingId, IQuerySession session, SpeakingHistory speaking, CancellationToken cancellation)
    {
        var history = await speaking.SpeechesAsync(session, cancellation);
        if (await MeetingAsync(session, meetingId, history, cancellation) is not var (list, speakers)) return Refusal.NoMeeting(meetingId).ToResult();
        var venue = list.Meeting.Details.Venue();
        var shown = speakers.Select(s => s with { ActualStart = venue.LocalTime(s.ActualStart), Before30 = AtVenue(s.Before30), Before60 = AtVenue(s.Before60) }).ToList();
        return Results.Ok(new ForecastAccuracyView(list.Id, list.Meeting.Details.Title, list.Meeting.Details.TimeZone, Totals(speakers), shown));

        ForecastSaid? AtVenue(ForecastSaid? said) => said is null ? null : said with
        {
            EstimatedStart = venue.LocalTime(said.EstimatedStart), LatestLikelyStart = venue.LocalTime(said.LatestLikelyStart), NaiveStart = venue.LocalTime(said.NaiveStart),
        };
    }

    /// <summary>The forecast's accuracy meeting by meeting across the conference (without conferenceId, the latest), and in total.</summary>
    [WolverineGet("/api/programme/forecast-accuracy", OperationId = "GetProgrammeForecastAccuracy")]
    [ProducesResponseType<ProgrammeAccuracyView>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> GetProgramme([FromQuery] Guid? conferenceId, IQuerySession session, SpeakingHistory speaking, CancellationToken cancellation)
    {
        if (await ProgrammeQueries.ConferenceAsync(session, conferenceId, cancellation) is not { } conference)
            return ProgrammeQueries.NoConference(conferenceId);
        var history = await speaking.SpeechesAsync(session, cancellation);
        var lines = new List<MeetingAccuracyLine>();
        var all = new List<SpeakerAccuracy>();
        foreach (var meeting in (await ProgrammeQueries.MeetingsOfAsync(session, conference.Id, cancellation)).OrderBy(m => m.Details.Start))
        {
            if (await MeetingAsync(session, meeting.Id, history, cancellation) is not var (list, speakers) || speakers.Count == 0) continue;
            all.AddRange(speakers);
            lines.Add(new MeetingAccuracyLine(list.Id, list.Meeting.Details.Title, list.Meeting.Details.Venue().LocalTime(list.ScheduledStart), speakers.Count, Totals(speakers)));
        }
        return Results.Ok(new ProgrammeAccuracyView(conference.Id, Totals(all), lines));
    }

    private static AccuracyTotals Totals(IEnumerable<SpeakerAccuracy> speakers) =>
        AccuracyTotals.Of(speakers.SelectMany(s => new[] { s.Before30, s.Before60 }).OfType<ForecastSaid>());
}
