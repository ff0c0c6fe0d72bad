using SpeakersList.Server.Infrastructure;

namespace SpeakersList.Server.Operations;

/// <summary>Liveness (the process answers) and readiness (PostgreSQL answers too), for a load balancer or an orchestrator.</summary>
public static class Health
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgresql", tags: ["ready"]);
        return services;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = PostgresHealthCheck.WriteAsync });
        return app;
    }
}
