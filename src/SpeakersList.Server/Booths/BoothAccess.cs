using System.Security.Claims;

namespace SpeakersList.Server.Booths;

/// <summary>A booth token is for one room: its booth reads and writes for that room only; officers for any.</summary>
public static class BoothAccess
{
    public static bool IsBoothOf(ClaimsPrincipal? user, string room) =>
        user?.IsInRole(Roles.Booth) == true
        && string.Equals(user.FindFirst(SessionClaims.Room)?.Value?.Trim(), room.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>A 401/403 answer unless the user is an officer or the room's booth; null when allowed.</summary>
    public static IResult? RefuseUnlessFor(ClaimsPrincipal user, string room)
    {
        var actor = Actor.Of(user);
        if (actor.IsOfficer || IsBoothOf(user, room)) return null;
        return Results.Problem(Actor.Refusal(actor.IsAuthenticated, actor.Role == Roles.Booth
            ? $"This booth's token is for {user.FindFirst(SessionClaims.Room)?.Value}, not for {room.Trim()}."
            : "This is for the room's interpretation booths and conference officers."));
    }
}
