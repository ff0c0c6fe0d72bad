using System.Collections.Frozen;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SpeakersList.Server.Operations;

/// <summary>
/// The API page's words: every operation gets a tag (the part of the work it belongs to) and a summary in the users' words,
/// keyed on its method and route in one place, so that endpoint files stay as they are (issue 21). A route not listed here
/// still gets a tag from its path and a summary from its method and path, never a class name or a raw id.
/// </summary>
public sealed class ApiDescriptions : IOpenApiOperationTransformer
{
    private static readonly FrozenDictionary<string, (string Tag, string Summary)> Known = new Dictionary<string, (string, string)>
    {
        ["GET api/auth/antiforgery"] = ("Signing in", "The antiforgery token a page sends with its writes"),
        ["POST api/auth/delegation/sign-in"] = ("Signing in", "A delegation signs in with its access code"),
        ["POST api/auth/display/sign-in"] = ("Signing in", "A hall display signs in with its room's token"),
        ["GET api/auth/me"] = ("Signing in", "Who is signed in"),
        ["POST api/auth/officer/sign-in"] = ("Signing in", "An officer signs in"),
        ["POST api/auth/sign-out"] = ("Signing in", "Sign out"),
        ["POST api/auth/sign-out-everywhere"] = ("Signing in", "Sign out on every device"),
        ["DELETE api/officers/{name}/sessions"] = ("Signing in", "End an officer's sessions"),
        ["GET api/delegations/{code}/access-codes"] = ("Access codes and display tokens", "A delegation's access codes"),
        ["POST api/delegations/{code}/access-codes"] = ("Access codes and display tokens", "Issue a delegation an access code"),
        ["DELETE api/delegations/{code}/access-codes/{id}"] = ("Access codes and display tokens", "Revoke an access code"),
        ["GET api/displays/{room}/tokens"] = ("Access codes and display tokens", "A room's display tokens"),
        ["POST api/displays/{room}/tokens"] = ("Access codes and display tokens", "Issue a room's hall display a token"),
        ["DELETE api/displays/{room}/tokens/{id}"] = ("Access codes and display tokens", "Revoke a display token"),
        ["GET api/delegations/{code}/agenda"] = ("Delegations", "A delegation's agenda: its slots, seats and conflicts"),
        ["GET api/delegations/{code}/conflicts"] = ("Delegations", "A delegation's conflicts across rooms"),
        ["GET api/delegations/{code}/statements"] = ("Statements", "A delegation's slots and the statements attached to them"),
        ["GET api/delegations/{code}/calendar-links"] = ("Calendars", "A delegation's calendar addresses"),
        ["POST api/delegations/{code}/calendar-links"] = ("Calendars", "Make a secret calendar address for a delegation's slots"),
        ["DELETE api/delegations/{code}/calendar-links/{id}"] = ("Calendars", "Revoke a calendar address"),
        ["GET api/programme/calendar.ics"] = ("Calendars", "The programme as a calendar"),
        ["GET api/journal/{date}"] = ("Journal and record", "The Journal of a day"),
        ["GET journal"] = ("Journal and record", "The Journal of today (page)"),
        ["GET journal/{date}"] = ("Journal and record", "The Journal of a day (page)"),
        ["GET api/meetings"] = ("Meetings", "Every meeting, by start"),
        ["POST api/meetings"] = ("Meetings", "Schedule a meeting"),
        ["GET api/meetings/{meetingId}"] = ("Meetings", "A meeting"),
        ["POST api/meetings/{meetingId}/cancel"] = ("Meetings", "Cancel a meeting"),
        ["POST api/meetings/{meetingId}/move"] = ("Meetings", "Move a meeting to another room"),
        ["POST api/meetings/{meetingId}/reschedule"] = ("Meetings", "Reschedule a meeting"),
        ["GET api/meetings/{meetingId}/history"] = ("Meetings", "What happened at a meeting, in order"),
        ["GET api/meetings/{meetingId}/conflicts"] = ("Meetings", "Conflicts across rooms of the delegations on a meeting's list"),
        ["GET api/meetings/{meetingId}/floor"] = ("Floor", "Who has the floor, and the clock"),
        ["POST api/meetings/{meetingId}/floor/absent"] = ("Floor", "The speaker called is absent"),
        ["POST api/meetings/{meetingId}/floor/adjourn"] = ("Floor", "Adjourn the meeting"),
        ["POST api/meetings/{meetingId}/floor/end"] = ("Floor", "End the speech"),
        ["POST api/meetings/{meetingId}/floor/extend"] = ("Floor", "One more minute for the speaker"),
        ["POST api/meetings/{meetingId}/floor/next"] = ("Floor", "Call the next speaker"),
        ["POST api/meetings/{meetingId}/floor/open"] = ("Floor", "Open the meeting"),
        ["POST api/meetings/{meetingId}/floor/pause"] = ("Floor", "Pause the speech"),
        ["POST api/meetings/{meetingId}/floor/point-of-order"] = ("Floor", "A point of order"),
        ["POST api/meetings/{meetingId}/floor/resume"] = ("Floor", "Resume the speech"),
        ["POST api/meetings/{meetingId}/floor/resume-meeting"] = ("Floor", "Resume a suspended meeting"),
        ["POST api/meetings/{meetingId}/floor/start"] = ("Floor", "Start the speaker's clock"),
        ["POST api/meetings/{meetingId}/floor/suspend"] = ("Floor", "Suspend the meeting"),
        ["POST api/meetings/{meetingId}/inscriptions"] = ("List of speakers", "Inscribe a speaker"),
        ["DELETE api/meetings/{meetingId}/inscriptions/{inscriptionId}"] = ("List of speakers", "Withdraw an inscription"),
        ["GET api/meetings/{meetingId}/speakers-list"] = ("List of speakers", "The list of speakers, in order, with its forecast"),
        ["PUT api/meetings/{meetingId}/speakers-list/absent-policy"] = ("List of speakers", "What happens to an absent speaker"),
        ["PUT api/meetings/{meetingId}/speakers-list/cap"] = ("List of speakers", "Cap the number of speakers"),
        ["PUT api/meetings/{meetingId}/speakers-list/carry-over-policy"] = ("List of speakers", "What happens to speakers not heard"),
        ["POST api/meetings/{meetingId}/speakers-list/close"] = ("List of speakers", "Close the list (rule 73)"),
        ["POST api/meetings/{meetingId}/speakers-list/reopen"] = ("List of speakers", "Reopen the list"),
        ["POST api/meetings/{meetingId}/speakers-list/moves"] = ("List of speakers", "Move a speaker, with a reason"),
        ["PUT api/meetings/{meetingId}/speakers-list/opening"] = ("List of speakers", "Schedule the list's opening and its draw by lot"),
        ["PUT api/meetings/{meetingId}/speakers-list/ordering-policy"] = ("List of speakers", "Protocol order or first come, first served"),
        ["POST api/meetings/{meetingId}/speakers-list/second-inscriptions"] = ("List of speakers", "Allow a delegation a second inscription"),
        ["PUT api/meetings/{meetingId}/speakers-list/time-limits"] = ("List of speakers", "Set the time limits"),
        ["GET api/meetings/{meetingId}/speakers-list/{inscriptionId}/explanation"] = ("List of speakers", "Why a speaker stands where it does"),
        ["POST api/meetings/{meetingId}/rights-of-reply"] = ("List of speakers", "Request a right of reply"),
        ["POST api/meetings/{meetingId}/swaps"] = ("Swaps", "Propose a swap of places"),
        ["POST api/meetings/{meetingId}/swaps/{swapId}/accept"] = ("Swaps", "Accept a swap proposed to the delegation"),
        ["POST api/meetings/{meetingId}/swaps/{swapId}/approve"] = ("Swaps", "Approve an accepted swap (officers)"),
        ["POST api/meetings/{meetingId}/swaps/{swapId}/decline"] = ("Swaps", "Decline a swap proposed to the delegation"),
        ["POST api/meetings/{meetingId}/swaps/{swapId}/reject"] = ("Swaps", "Reject a swap (officers)"),
        ["POST api/meetings/{meetingId}/swaps/{swapId}/withdraw"] = ("Swaps", "Withdraw a swap one proposed"),
        ["GET api/meetings/{meetingId}/inscriptions/{inscriptionId}/statement"] = ("Statements", "The text of a statement"),
        ["POST api/meetings/{meetingId}/inscriptions/{inscriptionId}/statement"] = ("Statements", "Attach the text of a statement"),
        ["GET api/meetings/{meetingId}/inscriptions/{inscriptionId}/statement/versions"] = ("Statements", "The versions of a statement"),
        ["GET api/meetings/{meetingId}/record"] = ("Journal and record", "The record of a meeting"),
        ["GET api/meetings/{meetingId}/record.akn.xml"] = ("Journal and record", "The record as Akoma Ntoso"),
        ["GET api/meetings/{meetingId}/record.csv"] = ("Journal and record", "The record as CSV"),
        ["GET api/meetings/{meetingId}/statistics"] = ("Journal and record", "A meeting's statistics"),
        ["GET api/meetings/{meetingId}/statistics.csv"] = ("Journal and record", "A meeting's statistics as CSV"),
        ["GET api/programme/statistics.csv"] = ("Journal and record", "The conference's statistics as CSV"),
        ["GET api/participants"] = ("Participants", "Every participant"),
        ["POST api/participants"] = ("Participants", "Register a participant"),
        ["GET api/participants/names"] = ("Participants", "Every participant's name in a language"),
        ["GET api/participants/{code}"] = ("Participants", "A participant"),
        ["PUT api/participants/{code}"] = ("Participants", "Change a participant"),
        ["GET api/programme"] = ("Programme", "The conference's programme"),
        ["POST api/programme/import"] = ("Programme", "Import a programme file"),
        ["GET api/programme/schedule.json"] = ("Programme", "The programme for signage and apps (frab schedule)"),
        ["GET api/round-tables"] = ("Round tables", "The round tables"),
        ["GET api/round-tables/{roundTableId}"] = ("Round tables", "A round table"),
        ["POST api/round-tables/{roundTableId}/chair"] = ("Round tables", "Name a round table's chair"),
        ["POST api/round-tables/{roundTableId}/preferences"] = ("Round tables", "A delegation's preferred round table"),
        ["POST api/round-tables/{roundTableId}/seats"] = ("Round tables", "Allocate a seat"),
        ["DELETE api/round-tables/{roundTableId}/seats/{participant}"] = ("Round tables", "Release a seat"),
    }.ToFrozenDictionary();

    /// <summary>The tag and summary of an operation, by its method and route (without the leading slash).</summary>
    public static (string Tag, string Summary) Describe(string method, string route)
    {
        route = route.TrimStart('/');
        if (Known.TryGetValue($"{method.ToUpperInvariant()} {route}", out var known)) return known;
        var parts = route.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != "api" && !p.StartsWith('{')).ToList();
        var tag = parts.Count == 0 ? "Pages" : Words(parts[0]);
        var verb = method.ToUpperInvariant() switch { "GET" => "Read", "POST" => "Send", "PUT" => "Set", "DELETE" => "Remove", _ => method };
        return (tag, $"{verb} {string.Join(" · ", parts.Select(Words)).ToLowerInvariant()}".Trim());
    }

    private static string Words(string segment) => char.ToUpperInvariant(segment[0]) + segment[1..].Replace('-', ' ');

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var (tag, summary) = Describe(context.Description.HttpMethod ?? "GET", context.Description.RelativePath ?? "");
        operation.Tags = new HashSet<OpenApiTagReference> { new(tag, context.Document) };
        operation.Summary = summary;
        return Task.CompletedTask;
    }
}
