using System.Reflection;
using System.Text;
using System.Xml;

namespace Hybrid;

/// <summary>
/// The <c>&lt;summary&gt;</c> of types and properties (and a record's <c>&lt;param&gt;</c> for its
/// positional properties, and a type's <c>&lt;remarks&gt;</c>), read from the XML documentation file the compiler writes beside an
/// assembly. Each file is read once, with a forward-only reader, and only summaries and
/// parameters and type remarks are kept. An assembly without a file, or with one that cannot be read, has none.
/// </summary>
internal sealed class XmlDocs
{
    private readonly Dictionary<Assembly, Dictionary<string, string>> _files = [];

    /// <summary>The summary of <paramref name="type"/>, or null.</summary>
    public string? Of(Type type) => Lookup(type.Assembly, "T:" + IdOf(type));

    /// <summary>The remarks of <paramref name="type"/>, or null.</summary>
    public string? RemarksOf(Type type) => Lookup(type.Assembly, "T:" + IdOf(type) + "!remarks");

    /// <summary>The summary of <paramref name="property"/>, else the <c>&lt;param&gt;</c> of the record constructor that declares it, or null.</summary>
    public string? Of(PropertyInfo property)
    {
        var declaring = property.DeclaringType;
        if (declaring is null)
        {
            return null;
        }

        var id = IdOf(declaring);
        return Lookup(declaring.Assembly, "P:" + id + "." + property.Name) ?? Lookup(declaring.Assembly, "T:" + id + "#" + property.Name);
    }

    private static string IdOf(Type type) => (type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName?.Replace('+', '.') ?? type.Name;

    private string? Lookup(Assembly assembly, string key)
    {
        if (!_files.TryGetValue(assembly, out var file))
        {
            file = Read(assembly);
            _files[assembly] = file;
        }

        return file.GetValueOrDefault(key);
    }

    private static Dictionary<string, string> Read(Assembly assembly)
    {
        var docs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (assembly.IsDynamic || string.IsNullOrEmpty(assembly.Location))
        {
            return docs;
        }

        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(path))
        {
            return docs;
        }

        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { IgnoreComments = true, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            string? member = null;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (reader.Name)
                {
                    case "member":
                        member = reader.GetAttribute("name");
                        break;
                    case "summary" when member is not null && (member.StartsWith("T:", StringComparison.Ordinal) || member.StartsWith("P:", StringComparison.Ordinal)):
                        AddText(docs, member, Text(reader));
                        break;
                    case "remarks" when member is not null && member.StartsWith("T:", StringComparison.Ordinal):
                        AddText(docs, member + "!remarks", Text(reader));
                        break;
                    case "param" when member is not null && member.StartsWith("T:", StringComparison.Ordinal) && reader.GetAttribute("name") is { } name:
                        AddText(docs, member + "#" + name, Text(reader));
                        break;
                }
            }
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            // A damaged or unreadable file costs the descriptions, never the document.
        }

        return docs;
    }

    private static void AddText(Dictionary<string, string> docs, string key, string text)
    {
        if (text.Length > 0)
        {
            docs[key] = text;
        }
    }

    /// <summary>The element's text with whitespace collapsed; <c>see</c>/<c>paramref</c>/<c>typeparamref</c> become the name they point at.</summary>
    private static string Text(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }

        var text = new StringBuilder();
        var depth = reader.Depth;
        while (reader.Read() && reader.Depth > depth)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    text.Append(reader.Value);
                    break;
                case XmlNodeType.Element when reader.IsEmptyElement && reader.Name is "see" or "seealso" or "paramref" or "typeparamref":
                    var target = reader.GetAttribute("langword") ?? reader.GetAttribute("name") ?? reader.GetAttribute("cref") ?? reader.GetAttribute("href") ?? "";
                    var dot = target.LastIndexOf('.');
                    text.Append(dot >= 0 && target.Length > 2 && target[1] == ':' ? target[(dot + 1)..] : target.Length > 2 && target[1] == ':' ? target[2..] : target);
                    break;
            }
        }

        return Collapse(text.ToString());
    }

    private static string Collapse(string text)
    {
        var collapsed = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = collapsed.Length > 0;
                continue;
            }

            if (space)
            {
                collapsed.Append(' ');
                space = false;
            }

            collapsed.Append(c);
        }

        return collapsed.ToString();
    }
}
