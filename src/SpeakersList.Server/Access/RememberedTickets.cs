using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace SpeakersList.Server.Access;

/// <summary>
/// A bearer token is decrypted once, not at every request (a profile of a rush put the decryption, a key derivation
/// and an AES pass, at 7% of the server's CPU). The handler still checks the ticket's expiry at every request, and a
/// revoked officer or access code is still caught by <see cref="SessionChecks"/>: only the decryption is remembered.
/// </summary>
public sealed class RememberedTickets(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>
{
    private const int Most = 10_000; // officers, delegations and displays of one conference, many times over
    private readonly ConcurrentDictionary<string, AuthenticationTicket> _tickets = new(StringComparer.Ordinal);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null) return inner.Unprotect(protectedText, purpose);
        if (_tickets.TryGetValue(protectedText, out var ticket)) return ticket;
        ticket = inner.Unprotect(protectedText);
        if (ticket is null) return null; // a forged or foreign token is not remembered
        if (_tickets.Count >= Most) _tickets.Clear();
        _tickets[protectedText] = ticket;
        return ticket;
    }
}
