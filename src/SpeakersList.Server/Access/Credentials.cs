using System.Security.Cryptography;
using System.Text;
using PasswordHasher = Microsoft.AspNetCore.Identity.PasswordHasher<SpeakersList.Server.Access.Officer>;
using PasswordVerificationResult = Microsoft.AspNetCore.Identity.PasswordVerificationResult;

namespace SpeakersList.Server.Access;

/// <summary>
/// A conference officer (the secretariat). Only a hash of the password is kept (ASP.NET Core Identity's
/// format). Every session carries the officer's SessionStamp: a new stamp ends all of them.
/// </summary>
public sealed record Officer(string Id, string Name, string PasswordHash, DateTimeOffset CreatedAt, string? SessionStamp = null);

/// <summary>What checking a password found: wrong, right, or right but stored in an older format or strength.</summary>
public enum PasswordCheck { Wrong, Right, RightButRehash }

public enum CredentialKind { Delegation, Display, Booth }

/// <summary>
/// An access code issued to a delegation, or a read-only token issued to a room's display. Only
/// the SHA-256 of the secret is kept (the secret is 120 random bits, so a slow hash adds nothing
/// and a fast one lets sign-in find it by its hash). Revocable; expires.
/// </summary>
public sealed record AccessCode(
    Guid Id,
    CredentialKind Kind,
    string Subject,
    string SecretHash,
    DateTimeOffset IssuedAt,
    string IssuedBy,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt = null)
{
    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;
}

public static class Secrets
{
    private const int Iterations = 210_000;
    private static readonly char[] Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".ToCharArray();

    /// <summary>A code people can type: 24 characters from an unambiguous alphabet in groups of four (about 119 bits).</summary>
    public static string NewCode()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 24);
        return string.Join('-', chars.Chunk(4).Select(x => new string(x)));
    }

    public static string NewPassword() => NewCode();

    public static string Normalize(string code) => new(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    public static string HashCode(string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(code))));

    private static readonly PasswordHasher Hasher = new();
    private const string LegacyPrefix = "pbkdf2-sha256$";

    /// <summary>ASP.NET Core Identity's hash (PBKDF2, its current iteration count, salt and format marker included).</summary>
    public static string HashPassword(string password) => Hasher.HashPassword(null!, password);

    public static PasswordCheck CheckPassword(string password, string stored)
    {
        if (stored.StartsWith(LegacyPrefix, StringComparison.Ordinal)) return VerifyLegacy(password, stored) ? PasswordCheck.RightButRehash : PasswordCheck.Wrong;
        try
        {
            return Hasher.VerifyHashedPassword(null!, stored, password) switch
            {
                PasswordVerificationResult.Success => PasswordCheck.Right,
                PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.RightButRehash,
                _ => PasswordCheck.Wrong,
            };
        }
        catch (FormatException)
        {
            return PasswordCheck.Wrong;
        }
    }

    /// <summary>The format this service wrote before (pbkdf2-sha256$iterations$salt$hash): still accepted, then replaced at the next sign-in.</summary>
    private static bool VerifyLegacy(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts is not ["pbkdf2-sha256", var iterations, var salt, var hash] || !int.TryParse(iterations, out var count) || count is < 1 or > 10_000_000) return false;
        try
        {
            var expected = Convert.FromBase64String(hash);
            var actual = Rfc2898DeriveBytes.Pbkdf2(password, Convert.FromBase64String(salt), count, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Spent on an unknown name, so that a refusal takes as long whether the officer exists or not.</summary>
    public static readonly string DecoyHash = HashPassword(NewPassword());
}

/// <summary>Creating officers: the ops command, the first start, the test hosts.</summary>
public static class Officers
{
    public static string IdFor(string name) => name.Trim().ToLowerInvariant();

    public static async Task<string> AddAsync(IDocumentStore store, string name, string? password, TimeProvider clock, CancellationToken cancellation = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
            throw new ArgumentException("An officer's name is 1 to 100 characters.", nameof(name));
        password ??= Secrets.NewPassword();
        await using var session = store.LightweightSession();
        session.Insert(new Officer(IdFor(name), name.Trim(), Secrets.HashPassword(password), clock.GetUtcNow()));
        await session.SaveChangesAsync(cancellation);
        return password;
    }

    public static async Task<bool> AnyAsync(IDocumentStore store, CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        return await session.Query<Officer>().AnyAsync(cancellation);
    }

    public static void Configure(StoreOptions options)
    {
        options.Schema.For<Officer>().Identity(x => x.Id);
        options.Schema.For<AccessCode>().UniqueIndex(x => x.SecretHash);
    }
}
