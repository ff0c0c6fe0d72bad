using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace SpeakersList.Server.Programme.Importing;

/// <summary>A malformed import file: the line where it goes wrong, and what is wrong there.</summary>
public sealed class FileProblem(int line, string problem) : Exception($"Line {line}: {problem}")
{
    public int Line { get; } = line;
    public string Problem { get; } = problem;
}

/// <summary>A file read into a tree whose every node knows its line, whether it was YAML or JSON.</summary>
public abstract record FileNode(int Line);

public sealed record ScalarNode(string? Value, int Line) : FileNode(Line);

public sealed record ListNode(IReadOnlyList<FileNode> Items, int Line) : FileNode(Line);

public sealed record MapNode(IReadOnlyList<KeyValuePair<string, FileNode>> Entries, int Line) : FileNode(Line)
{
    public FileNode? this[string key] => Entries.FirstOrDefault(e => e.Key == key).Value;
}

public enum FileFormat
{
    Yaml,
    Json,
}

public static class FileNodes
{
    public static FileNode Parse(string text, FileFormat format) => format == FileFormat.Json ? ParseJson(text) : ParseYaml(text);

    private static FileNode ParseYaml(string text)
    {
        var stream = new YamlStream();
        var parser = new BoundedParser(new Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            throw new FileProblem((int)ex.Start.Line, $"the YAML is malformed: {Innermost(ex).Message.Split(": ", 2).Last()}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on some unterminated constructs: name the last place it understood.
            throw new FileProblem((int)(parser.Current?.Start.Line ?? 1), "the YAML is malformed: it ends inside an unclosed bracket, brace or quote.");
        }
        if (stream.Documents.Count == 0) throw new FileProblem(1, "the file is empty.");
        var budget = MaximumNodes;
        return FromYaml(stream.Documents[0].RootNode, ref budget);
    }

    private static Exception Innermost(Exception ex) => ex.InnerException is { } inner ? Innermost(inner) : ex;

    /// <summary>A programme has a few thousand nodes; aliases could make billions of a small file ("billion laughs").</summary>
    private const int MaximumNodes = 200_000;
    private const int MaximumAliases = 1_000;
    private const int MaximumDepth = 64;

    private static FileNode FromYaml(YamlNode node, ref int budget)
    {
        if (--budget < 0) throw new FileProblem((int)node.Start.Line, $"the file expands to more than {MaximumNodes} values (aliases repeated too often?).");
        switch (node)
        {
            case YamlScalarNode s:
                return new ScalarNode(
                    s.Style == YamlDotNet.Core.ScalarStyle.Plain && s.Value is null or "" or "~" or "null" or "Null" or "NULL" ? null : s.Value,
                    (int)s.Start.Line);
            case YamlSequenceNode l:
            {
                var items = new List<FileNode>(l.Children.Count);
                foreach (var child in l.Children) items.Add(FromYaml(child, ref budget));
                return new ListNode(items, (int)l.Start.Line);
            }
            case YamlMappingNode m:
            {
                var entries = new List<KeyValuePair<string, FileNode>>(m.Children.Count);
                foreach (var (k, v) in m.Children)
                {
                    var key = k is YamlScalarNode { Value: { } name } ? name : throw new FileProblem((int)k.Start.Line, "a key must be a plain name.");
                    entries.Add(new KeyValuePair<string, FileNode>(key, FromYaml(v, ref budget)));
                }
                return new MapNode(entries, (int)m.Start.Line);
            }
            default:
                throw new FileProblem((int)node.Start.Line, "unexpected YAML content.");
        }
    }

    /// <summary>Refuses, while parsing, a file nested too deeply (the parser recurses) or with too many aliases.</summary>
    private sealed class BoundedParser(IParser inner) : IParser
    {
        private int _depth;
        private int _aliases;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            var moved = inner.MoveNext();
            switch (inner.Current)
            {
                case SequenceStart or MappingStart when ++_depth > MaximumDepth:
                    throw new FileProblem((int)inner.Current.Start.Line, $"the file nests deeper than {MaximumDepth} levels.");
                case SequenceEnd or MappingEnd:
                    _depth--;
                    break;
                case AnchorAlias when ++_aliases > MaximumAliases:
                    throw new FileProblem((int)inner.Current.Start.Line, $"the file uses more than {MaximumAliases} aliases.");
            }
            return moved;
        }
    }

    private static FileNode ParseJson(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] == (byte)'\n') lineStarts.Add(i + 1);
        int LineAt(long offset)
        {
            var index = lineStarts.BinarySearch((int)offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read()) throw new FileProblem(1, "the file is empty.");
            var root = ReadJson(ref reader, LineAt);
            if (reader.Read()) throw new FileProblem(LineAt(reader.TokenStartIndex), "the JSON continues after its end.");
            return root;
        }
        catch (JsonException ex)
        {
            throw new FileProblem((int)(ex.LineNumber ?? 0) + 1, $"the JSON is malformed: {ex.Message.Split(" LineNumber:")[0]}");
        }
    }

    private static FileNode ReadJson(ref Utf8JsonReader reader, Func<long, int> lineAt)
    {
        var line = lineAt(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var entries = new List<KeyValuePair<string, FileNode>>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    entries.Add(new(key, ReadJson(ref reader, lineAt)));
                }
                return new MapNode(entries, line);
            case JsonTokenType.StartArray:
                var items = new List<FileNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) items.Add(ReadJson(ref reader, lineAt));
                return new ListNode(items, line);
            case JsonTokenType.String:
                return new ScalarNode(reader.GetString(), line);
            case JsonTokenType.Null:
                return new ScalarNode(null, line);
            default:
                return new ScalarNode(Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray()), line);
        }
    }
}
