using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Hybrid;

/// <summary>
/// Sets a request's file members from a multipart form's file parts, each part named like its
/// member (JSON name or C# name, any case), after the fields made the request. Setters are made once.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
internal sealed class FileBinder<TRequest>
    where TRequest : class
{
    private static readonly MethodInfo SetterMethod = typeof(FileBinder<TRequest>).GetMethod(nameof(SetterOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Slot[] _slots;

    public FileBinder(RequestShape shape)
    {
        _slots = [.. shape.Members
            .Where(m => m.CanWrite && FileMembers.KindOf(m.Type) != FileKind.None)
            .Select(m => new Slot(m, FileMembers.KindOf(m.Type), (Action<TRequest, object?>)SetterMethod.MakeGenericMethod(m.Type).Invoke(null, [m.Property])!))];
    }

    /// <summary>The file member <paramref name="name"/> names, or null.</summary>
    public RequestMember? Find(string name)
    {
        foreach (var slot in _slots)
        {
            if (slot.Member.Matches(name))
            {
                return slot.Member;
            }
        }

        return null;
    }

    /// <summary>Groups the file parts by member: a part for a member that takes no file, or a second part for a single file, is a field error; a part naming nothing is listed in <paramref name="unknown"/>.</summary>
    public Dictionary<RequestMember, List<IFormFile>> Collect(IFormFileCollection files, RequestShape shape, BindingErrors errors, List<string> unknown)
    {
        var found = new Dictionary<RequestMember, List<IFormFile>>();
        foreach (var file in files)
        {
            if (FormBinder<TRequest>.IsReserved(file.Name))
            {
                continue;
            }

            if (Find(file.Name) is { } member)
            {
                if (!found.TryGetValue(member, out var parts))
                {
                    found[member] = parts = [];
                }

                parts.Add(file);
            }
            else if (shape.Find(file.Name) is not null)
            {
                errors.Add(file.Name, $"'{file.Name}' takes a value, not a file: send it as a form field.");
            }
            else if (!unknown.Contains(file.Name))
            {
                unknown.Add(file.Name);
            }
        }

        foreach (var slot in _slots)
        {
            var count = found.TryGetValue(slot.Member, out var parts) ? parts.Count : 0;
            if (slot.Kind == FileKind.Single && count > 1)
            {
                errors.Add(slot.Member.JsonName, $"'{slot.Member.JsonName}' takes one file, and {count} were sent.");
            }
            else if (count == 0 && slot.Member.IsRequiredInJson)
            {
                errors.Add(slot.Member.JsonName, $"The {slot.Member.JsonName} file is required.");
            }
        }

        return found;
    }

    /// <summary>Sets each member that got parts; members without parts keep what the request's constructor gave them.</summary>
    public void Set(TRequest request, Dictionary<RequestMember, List<IFormFile>> found)
    {
        foreach (var slot in _slots)
        {
            if (!found.TryGetValue(slot.Member, out var parts))
            {
                continue;
            }

            object value = slot.Kind switch
            {
                FileKind.Single => new HybridFile(new FormFileUpload(parts[0])),
                FileKind.Array => parts.Select(p => new HybridFile(new FormFileUpload(p))).ToArray(),
                _ => parts.Select(p => new HybridFile(new FormFileUpload(p))).ToList(),
            };
            slot.Set(request, value);
        }
    }

    private static Action<TRequest, object?> SetterOf<TValue>(PropertyInfo property)
    {
        var set = Accessors.Setter<TRequest, TValue>(property);
        return (request, value) => set(request, (TValue)value!);
    }

    private readonly record struct Slot(RequestMember Member, FileKind Kind, Action<TRequest, object?> Set);
}
