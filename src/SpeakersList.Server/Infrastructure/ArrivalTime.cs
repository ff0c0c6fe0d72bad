namespace SpeakersList.Server.Infrastructure;

/// <summary>
/// The moment the server received a request, taken before it waits for the meeting's lock:
/// inscriptions are ordered by when they arrived, not by when their turn to be written came.
/// </summary>
public static class ArrivalTime
{
    private const string Key = "speakerslist.arrival";

    public static IApplicationBuilder UseArrivalTime(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Items[Key] = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            return next(context);
        });

    public static DateTimeOffset ArrivedAt(this HttpContext context) =>
        context.Items.TryGetValue(Key, out var value) && value is DateTimeOffset at
            ? at
            : context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
}
