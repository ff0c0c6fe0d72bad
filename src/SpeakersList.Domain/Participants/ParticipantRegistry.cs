using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpeakersList.Participants;

/// <summary>The participants compiled into participants.json: every Member State, observers, organizations.</summary>
public static class ParticipantRegistry
{
    private sealed record File(string Compiled, IReadOnlyList<string> Sources, IReadOnlyList<Participant> Participants);

    private static readonly Lazy<IReadOnlyList<Participant>> Compiled = new(Load);

    public static IReadOnlyList<Participant> All => Compiled.Value;

    public static FrozenDictionary<ParticipantCode, Participant> ByCode { get; } = All.ToFrozenDictionary(p => p.Code);

    private static IReadOnlyList<Participant> Load()
    {
        using var stream = typeof(ParticipantRegistry).Assembly.GetManifestResourceStream("participants.json")
            ?? throw new InvalidOperationException("participants.json is not embedded in the domain assembly.");
        var file = JsonSerializer.Deserialize<File>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } })
            ?? throw new InvalidOperationException("participants.json is empty.");
        return file.Participants;
    }
}
