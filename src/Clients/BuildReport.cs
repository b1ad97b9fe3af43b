namespace Hybrid.Clients;

/// <summary>
/// What the tool tells the build, in the form MSBuild reads. A problem is one line in MSBuild's
/// canonical error format (<c>origin : error HYBnnn: message</c>), which the Exec task turns into a
/// build error that IDEs list; each problem is written once, on one line, with no exception type and
/// no stack trace (those go to a log file in the work folder). A note the developer should see at
/// normal verbosity (a baseline recorded or accepted) is kept for the targets, which show it with
/// high importance; the tool's own progress stays on standard output, at low importance.
/// </summary>
internal sealed class BuildReport(string project, TextWriter errors, string notesFile)
{
    /// <summary>The file, in the work folder, the targets read the notes from after the tool ends.</summary>
    public const string NotesFileName = "notes";

    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];

    /// <summary>How many problems were reported.</summary>
    public int Problems { get; private set; }

    /// <summary>Reports a problem of the project (not of a file in it).</summary>
    public void Error(string id, string message) => Error(project, id, message);

    /// <summary>Reports a problem of <paramref name="origin"/> (a file, or the project), once.</summary>
    public void Error(string origin, string id, string message)
    {
        var line = $"{origin} : error {id}: {OneLine(message)}";
        if (_written.Add(line))
        {
            Problems++;
            errors.WriteLine(line);
        }
    }

    /// <summary>A writer for notes: each line it is given is kept for the targets to show.</summary>
    public TextWriter Notes => new NoteWriter(_notes);

    /// <summary>Writes the notes for the targets; an earlier run's are replaced, or removed when there are none.</summary>
    public void WriteNotes()
    {
        if (_notes.Count == 0)
        {
            File.Delete(notesFile);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(notesFile)!);
        File.WriteAllLines(notesFile, _notes);
    }

    /// <summary>A message on one line: MSBuild reads one problem per line, and a second line would be another message.</summary>
    public static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private sealed class NoteWriter(List<string> notes) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        public override void WriteLine(string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                notes.Add(OneLine(value));
            }
        }
    }
}
