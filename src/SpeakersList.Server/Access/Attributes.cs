using Microsoft.AspNetCore.Authorization;

namespace SpeakersList.Server.Access;

/// <summary>
/// Opens a write endpoint to delegations as well as officers. The endpoint must still check that
/// the delegation acts for itself: <c>Actor.Of(user).RefuseUnlessFor(participant)</c>.
/// Without any attribute, a POST/PUT/PATCH/DELETE is for officers only (see <see cref="AccessPolicies"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class DelegationMayActAttribute() : AuthorizeAttribute(AccessPolicies.DelegationOrOfficer);

/// <summary>
/// Opens an endpoint to a room's interpretation booths as well as officers. The endpoint must still check that the booth
/// is the room's: <c>BoothAccess.RefuseUnlessFor(user, room)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class BoothMayActAttribute() : AuthorizeAttribute(AccessPolicies.BoothOrOfficer);

/// <summary>Reserves an endpoint (typically a GET, which is otherwise public) or a hub method to officers.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class OfficerOnlyAttribute() : AuthorizeAttribute(AccessPolicies.OfficerOnly);

/// <summary>
/// Marks a hub method parameter as a participant code: only that delegation (or an officer) may
/// make the call. String parameters named code, participant, participantCode, delegation or
/// delegationCode are treated so without the attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class DelegationScopedAttribute : Attribute;
