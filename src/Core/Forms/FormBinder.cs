using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Hybrid.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Hybrid;

/// <summary>
/// Turns HTML form fields into the request object, binding what a JSON body binds, the same way.
/// Field names address members by their JSON (or C#) names, nested with <c>.member</c> and
/// <c>[index]</c> (<c>items[1].qty</c>); a collection of simple values also takes a repeated field
/// (<c>tag=a&amp;tag=b</c>). Each value goes through Core's one value parser, and the fields become a
/// JSON object the app's serializer reads, so constructors, <c>required</c> members, converters and
/// validation apply as for a JSON body. A member the serializer does not read as a plain object or
/// array, and any object or list for compatibility, also takes one field holding JSON. A value that
/// does not parse, a malformed name for a member, a sparse or too large index, or two fields for one
/// value is a field error keyed by the name as posted; the member is left out and the rest still
/// binds, so validation can judge it in the same round. An empty field is null for a member that takes
/// null (<see cref="RequestMember.TakesEmptyAsNull"/>). Fields starting with <c>__</c> are the
/// page's (antiforgery token, return URL) and never bound; other fields that bind to nothing are
/// listed for the caller, which ignores them as MVC does. File parts set the request's <see cref="HybridFile"/> members
/// (<see cref="FileBinder{TRequest}"/>). The grammar is in docs/actions-forms.md.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
internal sealed class FormBinder<TRequest>
    where TRequest : class
{
    private readonly FormSlots _slots;
    private readonly FileBinder<TRequest> _files;
    private readonly JsonTypeInfo<TRequest> _info;

    public FormBinder(RequestShape shape, JsonTypeInfo<TRequest> info)
    {
        _info = info;
        _slots = new FormSlots(shape, RequestJson.MaxDepth(info.Options));
        _files = new FileBinder<TRequest>(shape);
    }

    /// <summary>True for the names a page posts for itself (<c>__RequestVerificationToken</c>, <c>__returnUrl</c>), which never bind.</summary>
    public static bool IsReserved(string name) => name.StartsWith("__", StringComparison.Ordinal);

    /// <summary>
    /// The request, with <paramref name="errors"/> null when every field fit. Otherwise
    /// <paramref name="errors"/> names every field that did not, and the request (when one could be
    /// made) holds what did, for validation to judge; it never reaches a handler.
    /// <paramref name="unbound"/> lists, as posted, the fields and file parts that bound to nothing
    /// (reserved <c>__</c> names excepted), such as a name no member has at any depth.
    /// </summary>
    public TRequest? Bind(IFormCollection form, out BindingErrors? errors, out IReadOnlyList<string> unbound)
    {
        var found = new BindingErrors();
        var unknown = new List<string>();
        var root = new FormObjectNode(_slots.Root.Shape!);
        var segments = new List<FieldSegment>();
        foreach (var (name, values) in form)
        {
            if (!IsReserved(name))
            {
                Place(root, name, values, segments, found, unknown);
            }
        }

        var files = _files.Collect(form.Files, _slots.Root.Shape!, found, unknown);
        unbound = unknown;
        root.TryWrite(found, string.Empty, out var written);
        var json = written!.AsObject();

        // A field may hold JSON; reading the assembled object deeper than the options allow would
        // throw from System.Text.Json's writer (not a JsonException), so the depth is checked here.
        foreach (var (name, value) in json.ToList())
        {
            if (DepthOf(value) + 1 > _slots.MaxDepth)
            {
                found.Add(name, $"The value of '{name}' nests deeper than {_slots.MaxDepth} levels.");
                json.Remove(name);
                found.Omit(name);
            }
        }

        var request = PartialRead.Read(json, _info, found, (e, body) => JsonBodyErrors.ToProblem(e, _slots.Root.Shape!, body));
        if (request is not null)
        {
            _files.Set(request, files);
        }

        errors = found.Any || found.Refusal is not null ? found : null;
        return request;
    }

    private static int DepthOf(JsonNode? node) => node switch
    {
        JsonObject o => 1 + o.Select(p => DepthOf(p.Value)).DefaultIfEmpty(0).Max(),
        JsonArray a => 1 + a.Select(DepthOf).DefaultIfEmpty(0).Max(),
        _ => 0,
    };

    private void Place(FormObjectNode root, string posted, StringValues values, List<FieldSegment> segments, BindingErrors errors, List<string> unknown)
    {
        if (!FieldName.TryParse(posted, segments, out var head, out var malformed))
        {
            if (_slots.Root.Shape!.Find(head) is null)
            {
                unknown.Add(posted);
            }
            else
            {
                errors.Add(posted, malformed!);
            }

            return;
        }

        if (_files.Find(segments[0].Name!) is { } fileMember)
        {
            // A browser posts an empty file input as an empty field, which is no file.
            if (segments.Count > 1 || values.Any(v => !string.IsNullOrEmpty(v)))
            {
                errors.Add(posted, $"'{fileMember.JsonName}' takes a file: send it as a file part of a multipart/form-data body.");
            }

            return;
        }

        // Each step of a name is one level of the JSON it makes: author.email is {"author":{"email":...}}, 2 levels.
        if (segments.Count > _slots.MaxDepth)
        {
            errors.Add(posted, $"'{posted}' nests deeper than the {_slots.MaxDepth} levels a request may have.");
            return;
        }

        // Resolved to the end before anything is built, so a field that binds to nothing leaves no trace.
        var steps = new Step[segments.Count];
        var slot = _slots.Root;
        RequestMember? member = null;
        for (var k = 0; k < segments.Count; k++)
        {
            var segment = segments[k];
            if (segment.IsIndex ? slot.Kind != FormSlotKind.List : slot.Kind != FormSlotKind.Object)
            {
                errors.Add(posted, Misfit(posted, posted[..segments[k - 1].End], slot));
                return;
            }

            if (segment.IsIndex)
            {
                slot = _slots.For(slot.ElementType!);
            }
            else
            {
                member = slot.Shape!.Find(segment.Name!);
                if (member is null)
                {
                    unknown.Add(posted);
                    return;
                }

                slot = _slots.For(member.Type);
            }

            steps[k] = new Step(slot, member!);
        }

        Insert(root, _slots.Root, 0, new Field(posted, values, segments, steps, errors));
    }

    /// <summary>Places the field under <paramref name="existing"/> (the node its first <paramref name="k"/> steps lead to), building what is missing.</summary>
    private FormNode Insert(FormNode? existing, FormSlot slot, int k, Field field)
    {
        if (k == field.Segments.Count)
        {
            if (existing is not null)
            {
                field.Errors.Add(field.Posted, $"'{field.Posted}' sets a value another field of this form sets too.");
                return existing;
            }

            return Leaf(slot, field);
        }

        var segment = field.Segments[k];
        var step = field.Steps[k];
        if (segment.IsIndex)
        {
            var list = existing switch
            {
                null => new FormListNode(field.Posted[..field.Segments[k - 1].End]),
                FormListNode { IsIndexed: true } known => known,
                _ => null,
            };
            if (list is null)
            {
                field.Errors.Add(field.Posted, $"'{field.Posted}' posts by index a list another field of this form posts whole.");
                return existing!;
            }

            list.Set(segment.Index, Insert(list.Item(segment.Index), step.Slot, k + 1, field), field.Posted);
            return list;
        }

        var node = existing switch
        {
            null => new FormObjectNode(slot.Shape!),
            FormObjectNode known => known,
            _ => null,
        };
        if (node is null)
        {
            field.Errors.Add(field.Posted, $"'{field.Posted}' posts by member an object another field of this form posts whole.");
            return existing!;
        }

        node.Members[step.Member] = Insert(node.Members.GetValueOrDefault(step.Member), step.Slot, k + 1, field);
        return node;
    }

    private FormNode Leaf(FormSlot slot, Field field)
    {
        var member = field.Steps[^1].Member;
        if (slot.Kind == FormSlotKind.List && _slots.For(slot.ElementType!) is { Kind: FormSlotKind.Value } element && !IsJsonArray(field.Values))
        {
            return new FormListNode(element, field.Values, field.Posted, member.JsonName);
        }

        // An empty field is null only where it names the member itself, not an item of a list.
        var emptyIsNull = !field.Segments[^1].IsIndex && member.TakesEmptyAsNull;
        return new FormValueNode(slot, field.Values, field.Posted, member.JsonName, emptyIsNull);
    }

    /// <summary>A list of simple values posted the old way, as one field holding a JSON array.</summary>
    private static bool IsJsonArray(StringValues values)
    {
        if (values.Count != 1 || values[0] is not { } raw || !raw.AsSpan().TrimStart().StartsWith("[", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            return JsonNode.Parse(raw) is JsonArray;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Misfit(string posted, string prefix, FormSlot slot) => slot.Kind switch
    {
        FormSlotKind.Value => $"'{posted}' does not fit the request: '{prefix}' is a single value.",
        FormSlotKind.List => $"'{posted}' does not fit the request: '{prefix}' is a list, posted by index ('{prefix}[0]') or as a repeated field.",
        FormSlotKind.Object => $"'{posted}' does not fit the request: '{prefix}' is an object, posted by member ('{prefix}.name').",
        _ => $"'{posted}' does not fit the request: '{prefix}' is posted as one field holding JSON.",
    };

    /// <summary>Where one step of a field name leads: the slot there, and the last member named on the way.</summary>
    private readonly record struct Step(FormSlot Slot, RequestMember Member);

    /// <summary>One posted field, its name resolved.</summary>
    private readonly record struct Field(string Posted, StringValues Values, List<FieldSegment> Segments, Step[] Steps, BindingErrors Errors);
}
