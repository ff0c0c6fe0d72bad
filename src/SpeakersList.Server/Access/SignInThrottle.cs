using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace SpeakersList.Server.Access;

/// <summary>
/// Failed sign-ins counted per account (an officer's name) or per code: after
/// <see cref="RateLimits.FailuresBeforeLockout"/> failures in a row the account or code is locked, for
/// 30 seconds, then twice as long at each further failure, up to 15 minutes. A success clears it.
/// Unknown names are counted like known ones, so a lockout says nothing about who exists. The
/// per-address limit (<see cref="RateLimits.SignInsPerMinute"/>) is separate and high: a whole
/// conference may sign in from behind one address.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IOptionsMonitor<RateLimits> limits) : IDisposable
{
    private static readonly TimeSpan FirstLockout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestLockout = TimeSpan.FromMinutes(15);

    private sealed record State(int Failures, DateTimeOffset LockedUntil);

    // Bounded: a spray of made-up names cannot grow it without end.
    private readonly MemoryCache _states = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public static string OfficerKey(string name) => $"officer:{Officers.IdFor(name)}";

    public static string CodeKey(string code) => $"code:{Secrets.HashCode(code)}";

    /// <summary>How long the account or code stays locked; null when it is not.</summary>
    public TimeSpan? LockedFor(string key)
    {
        if (!_states.TryGetValue(key, out State? state) || state is null) return null;
        var left = state.LockedUntil - clock.GetUtcNow();
        return left > TimeSpan.Zero ? left : null;
    }

    public void Failed(string key)
    {
        var before = _states.TryGetValue(key, out State? state) && state is not null ? state.Failures : 0;
        var failures = before + 1;
        var allowed = Math.Max(1, limits.CurrentValue.FailuresBeforeLockout);
        var lockout = failures < allowed ? TimeSpan.Zero
            : TimeSpan.FromTicks(Math.Min(LongestLockout.Ticks, FirstLockout.Ticks << Math.Min(failures - allowed, 10)));
        _states.Set(key, new State(failures, clock.GetUtcNow() + lockout),
            new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
    }

    public void Succeeded(string key) => _states.Remove(key);

    public void Dispose() => _states.Dispose();
}
