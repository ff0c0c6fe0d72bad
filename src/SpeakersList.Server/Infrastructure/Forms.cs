namespace SpeakersList.Server.Infrastructure;

/// <summary>Reading a multipart or url-encoded form the client sent.</summary>
public static class Forms
{
    /// <summary>
    /// The form, or a 400 for one that does not parse: the form reader throws a bare IOException for a multipart body that
    /// ends before its boundary, which would otherwise be taken for a fault of the service (a 500).
    /// </summary>
    public static async Task<IFormCollection> ReadClientFormAsync(this HttpRequest request, CancellationToken cancellation)
    {
        try
        {
            return await request.ReadFormAsync(cancellation);
        }
        catch (IOException ex) when (!cancellation.IsCancellationRequested)
        {
            throw new BadHttpRequestException($"The form could not be read ({ex.Message.TrimEnd('.')}): check its content type and boundary.", ex);
        }
    }
}
