using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using SpeakersList.Server.Access;

namespace SpeakersList.Server.Tests.Access;

public class Remembered_tickets
{
    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        public int Decryptions { get; private set; }

        public string Protect(AuthenticationTicket data) => Protect(data, null);

        public string Protect(AuthenticationTicket data, string? purpose) => $"token-of-{data.Principal.Identity!.Name}";

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Decryptions++;
            return protectedText is { } text && text.StartsWith("token-of-", StringComparison.Ordinal)
                ? new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, text[9..])], "test")), "bearer")
                : null;
        }
    }

    [Fact]
    public void decrypt_a_token_once_and_answer_the_same_ticket_after()
    {
        var inner = new CountingFormat();
        var tickets = new RememberedTickets(inner);

        var first = tickets.Unprotect("token-of-secretariat");
        var again = tickets.Unprotect("token-of-secretariat");

        Assert.Equal(1, inner.Decryptions);
        Assert.Same(first, again);
        Assert.Equal("secretariat", again!.Principal.Identity!.Name);
    }

    [Fact]
    public void never_remember_a_token_that_does_not_decrypt()
    {
        var inner = new CountingFormat();
        var tickets = new RememberedTickets(inner);

        Assert.Null(tickets.Unprotect("forged"));
        Assert.Null(tickets.Unprotect("forged"));

        Assert.Equal(2, inner.Decryptions);
    }

    [Fact]
    public void keep_tokens_of_different_holders_apart()
    {
        var tickets = new RememberedTickets(new CountingFormat());

        Assert.Equal("FRA", tickets.Unprotect("token-of-FRA")!.Principal.Identity!.Name);
        Assert.Equal("GHA", tickets.Unprotect("token-of-GHA")!.Principal.Identity!.Name);
        Assert.Equal("FRA", tickets.Unprotect("token-of-FRA")!.Principal.Identity!.Name);
    }
}
