using System.Security.Claims;

namespace SpeakersList.Server.Access;

/// <summary>
/// Who may do what. Officers (the secretariat) run everything; a delegation acts only for itself;
/// a display reads; anonymous readers read the public list.
/// </summary>
public static class Roles
{
    public const string Officer = "officer";
    public const string Delegation = "delegation";
    public const string Display = "display";
    /// <summary>A room's interpretation booths: they read the room's list and statements ahead, and message the chair.</summary>
    public const string Booth = "booth";

    public static ClaimsPrincipal Principal(string role, string name, string? delegation = null, string? room = null, Guid? credential = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, name),
            new(ClaimTypes.Name, name),
            new(ClaimTypes.Role, role),
        };
        if (delegation is not null) claims.Add(new(SessionClaims.Delegation, delegation));
        if (room is not null) claims.Add(new(SessionClaims.Room, room));
        if (credential is not null) claims.Add(new(SessionClaims.Credential, credential.Value.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "SpeakersList", ClaimTypes.Name, ClaimTypes.Role));
    }
}

/// <summary>What a session carries besides its name and role.</summary>
public static class SessionClaims
{
    /// <summary>The participant code a delegation acts for (GHA, EU, ...).</summary>
    public const string Delegation = "speakerslist:delegation";

    /// <summary>The room a display screen (or a booth) is for.</summary>
    public const string Room = "speakerslist:room";

    /// <summary>The access code or display token a session was opened with: revoking it ends the session.</summary>
    public const string Credential = "speakerslist:credential";

    /// <summary>An officer's id (its name, lower case).</summary>
    public const string Officer = "speakerslist:officer";

    /// <summary>The officer's session stamp when the session was opened: changing the stamp ends every session of the officer.</summary>
    public const string Stamp = "speakerslist:session-stamp";
}

/// <summary>
/// The user behind a request or a hub call, in the terms of the rules: an endpoint whose resource
/// belongs to a participant asks <see cref="MayActFor(ParticipantCode)"/> (or <see cref="RefuseUnlessFor(ParticipantCode)"/>).
/// </summary>
public sealed record Actor(string? Name, string? Role, string? Delegation)
{
    public static readonly Actor Anonymous = new(null, null, null);

    public static Actor Of(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return Anonymous;
        var role = user.IsInRole(Roles.Officer) ? Roles.Officer
            : user.IsInRole(Roles.Delegation) ? Roles.Delegation
            : user.IsInRole(Roles.Display) ? Roles.Display
            : user.IsInRole(Roles.Booth) ? Roles.Booth
            : null;
        return new Actor(user.Identity.Name, role, user.FindFirst(SessionClaims.Delegation)?.Value);
    }

    public bool IsAuthenticated => Name is not null;
    public bool IsOfficer => Role == Roles.Officer;
    public bool IsDelegation => Role == Roles.Delegation && Delegation is not null;

    /// <summary>Officers act for anyone; a delegation only for itself.</summary>
    public bool MayActFor(ParticipantCode participant) =>
        IsOfficer || (IsDelegation && ParticipantCode.TryParse(Delegation, out var own) && own == participant);

    /// <summary>As <see cref="MayActFor(ParticipantCode)"/>, for a code as a client typed it (a route, a hub call's argument).</summary>
    public bool MayActFor(string? participant) => IsOfficer || (ParticipantCode.TryParse(participant, out var code) && MayActFor(code));

    /// <summary>Why this actor may not act for the participant, or null when it may.</summary>
    public string? WhyNotFor(string? participant) =>
        MayActFor(participant) ? null
        : !IsAuthenticated ? "Sign in first: this change is made by a delegation or by an officer."
        : IsDelegation ? $"The delegation of {Delegation} may act only for itself, not for {participant}."
        : "Only the delegation concerned or a conference officer may make this change.";

    /// <summary>A 401/403 answer when this actor may not act for the participant; null when it may.</summary>
    public IResult? RefuseUnlessFor(string? participant) =>
        WhyNotFor(participant) is { } why ? Results.Problem(Refusal(IsAuthenticated, why)) : null;

    public IResult? RefuseUnlessFor(ParticipantCode participant) => RefuseUnlessFor(participant.Value);

    /// <summary>For a Wolverine Before/Validate method: the refusal, or WolverineContinue.NoProblems when this actor may act for the participant.</summary>
    public ProblemDetails ProblemUnlessFor(ParticipantCode participant) =>
        WhyNotFor(participant.Value) is { } why ? Refusal(IsAuthenticated, why) : Wolverine.Http.WolverineContinue.NoProblems;

    public static ProblemDetails Refusal(bool authenticated, string detail) => new()
    {
        Status = authenticated ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized,
        Title = authenticated ? "Not allowed" : "Not signed in",
        Detail = detail,
        Type = authenticated ? ProblemTypes.Forbidden : ProblemTypes.Unauthenticated,
    };
}
