namespace SpeakersList.SpeakersLists;

/// <summary>
/// Time limits per category of speaker, set per meeting (rule 72). Defaults from GA practice:
/// 5 minutes for a delegation, 7 on behalf of a group, rights of reply 10 then 5 (decision 34/401).
/// </summary>
public sealed record TimeLimits(
    int DelegationSeconds,
    int GroupSeconds,
    int ObserverSeconds,
    int NonStateSeconds,
    int PreArrangedSeconds,
    int FirstReplySeconds,
    int SecondReplySeconds,
    int ChangeOverSeconds)
{
    public static readonly TimeLimits Default = new(
        DelegationSeconds: 300, GroupSeconds: 420, ObserverSeconds: 300, NonStateSeconds: 180,
        PreArrangedSeconds: 360, FirstReplySeconds: 600, SecondReplySeconds: 300, ChangeOverSeconds: 30);

    /// <summary>The speaker's slot: a video's known length (which the floor's clock counts and the forecast plans), else the time limit.</summary>
    public int For(Entry entry) =>
        entry.Delivery is { Mode: Interpretation.StatementMode.Video, DurationSeconds: { } video } ? video : LimitFor(entry);

    /// <summary>The speaker's time limit (rule 72), whatever the statement's mode.</summary>
    public int LimitFor(Entry entry) => LimitFor(entry.Kind, entry.Speaker, entry.ReplyNumber, entry.AllottedOverride);

    public int LimitFor(EntryKind kind, Speaker speaker, int? replyNumber = null, int? allottedOverride = null) => kind switch
    {
        EntryKind.PreArranged => allottedOverride ?? PreArrangedSeconds,
        EntryKind.RightOfReply => replyNumber == 1 ? FirstReplySeconds : SecondReplySeconds,
        _ when speaker.OnBehalfOf is not null => GroupSeconds,
        _ => speaker.Block switch
        {
            Participants.SpeakingBlock.MemberStatesAndGroups => DelegationSeconds,
            Participants.SpeakingBlock.NonState => NonStateSeconds,
            _ => ObserverSeconds,
        },
    };

    public string? Problem() =>
        new[] { DelegationSeconds, GroupSeconds, ObserverSeconds, NonStateSeconds, PreArrangedSeconds, FirstReplySeconds, SecondReplySeconds }
            .Any(s => s is < 30 or > 3600)
            ? "Every time limit must be between 30 seconds and 60 minutes."
            : ChangeOverSeconds is < 0 or > 600
                ? "The change-over between speakers must be between 0 and 600 seconds."
                : null;
}
