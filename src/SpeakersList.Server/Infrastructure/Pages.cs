namespace SpeakersList.Server.Infrastructure;

/// <summary>The pages: plain HTML and ES modules from wwwroot, reached by readable addresses.</summary>
public static class Pages
{
    public static void MapPages(this WebApplication app)
    {
        var root = app.Environment.WebRootPath;
        IResult Page(string file) => Results.File(Path.Combine(root, file), "text/html; charset=utf-8");

        app.MapGet("/display/meeting/{meetingId:guid}", () => Page("display/meeting.html")).ExcludeFromDescription();
        app.MapGet("/display/room/{room}", (string room) => Page("display/meeting.html")).ExcludeFromDescription();
        app.MapGet("/officer", () => Page("officer/index.html")).ExcludeFromDescription();
        app.MapGet("/delegation", () => Page("delegation/index.html")).ExcludeFromDescription();
        app.MapGet("/programme", () => Page("programme/index.html")).ExcludeFromDescription();
        app.MapGet("/meetings/{meetingId:guid}", () => Page("meetings/list.html")).ExcludeFromDescription();
        app.MapGet("/signin", () => Page("signin.html")).ExcludeFromDescription();
    }
}
