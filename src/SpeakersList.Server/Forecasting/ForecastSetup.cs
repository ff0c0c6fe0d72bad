using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SpeakersList.Server.Forecasting.LoadingHistory;

namespace SpeakersList.Server.Forecasting;

/// <summary>SpeakersList:Forecasts: how often one address may ask the forecaster (officers are not limited).</summary>
public sealed class ForecastLimits
{
    public const string Policy = "forecast";

    /// <summary>Per client address, like sign-ins: a forecast of a long list with a large history costs CPU.</summary>
    public int StartsPerMinute { get; set; } = 60;
}

public static class ForecastSetup
{
    /// <summary>The forecaster's rate limit, the loaded history's store and the learned model shared by the live list.</summary>
    public static IServiceCollection AddForecasts(this IServiceCollection services)
    {
        services.AddOptions<ForecastLimits>().BindConfiguration("SpeakersList:Forecasts");
        services.AddSingleton<SpeakingHistory>();
        services.AddSingleton<SpeakingHistoryChanges>();
        services.ConfigureMarten((provider, options) => options.Listeners.Add(provider.GetRequiredService<SpeakingHistoryChanges>()));
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(ForecastLimits.Policy, context =>
        {
            if (Actor.Of(context.User).IsOfficer) return RateLimitPartition.GetNoLimiter("officers");
            var limit = context.RequestServices.GetRequiredService<IOptionsSnapshot<ForecastLimits>>().Value.StartsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter($"{context.Connection.RemoteIpAddress?.ToString() ?? "local"}|{limit}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));
        return services;
    }

    /// <summary>
    /// The documents the forecast keeps: the records of earlier sessions loaded as history, and each adjourned meeting's
    /// heard speeches (written by the list's inline projection as a side effect, in the list's transaction).
    /// </summary>
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<LoadedRecord>();
        options.Schema.For<AdjournedMeeting>();
        options.Events.EnableSideEffectsOnInlineProjections = true;
    }
}
