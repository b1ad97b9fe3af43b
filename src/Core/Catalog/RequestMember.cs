using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Hybrid;

/// <summary>One public property of a request type, with the name it has in JSON and how it can bind.</summary>
internal sealed class RequestMember(PropertyInfo property, string jsonName)
{
    public PropertyInfo Property { get; } = property;

    /// <summary>The property's name in JSON, per the app's serializer options (naming policy, [JsonPropertyName]).</summary>
    public string JsonName { get; } = jsonName;

    public Type Type => Property.PropertyType;

    public bool CanWrite => Property.SetMethod is { IsPublic: true };

    /// <summary>True when a single string (a route value, a query value, a form field) can carry the value.</summary>
    public bool IsSimple => Flag(SimpleKnown, Simple, static m => SimpleTypes.IsSimple(m.Property.PropertyType));

    /// <summary>True when JSON must name the member: C# <c>required</c> or <c>[JsonRequired]</c>.</summary>
    public bool IsRequiredInJson => Flag(RequiredKnown, Required, static m =>
        m.Property.IsDefined(typeof(System.Runtime.CompilerServices.RequiredMemberAttribute), inherit: true) ||
        m.Property.IsDefined(typeof(System.Text.Json.Serialization.JsonRequiredAttribute), inherit: true));

    /// <summary>
    /// True when an empty form field means null here, as MVC's <c>ConvertEmptyStringToNull</c> has it:
    /// a nullable value type, or a reference type the property declares nullable (<c>string?</c> in a
    /// project with nullable reference types on), unless <c>[DisplayFormat(ConvertEmptyStringToNull = false)]</c>
    /// says otherwise. A non-nullable <c>string</c> keeps the empty string: null there would be a value
    /// its type says it never holds, and <c>[Required]</c> refuses an empty string anyway.
    /// </summary>
    public bool TakesEmptyAsNull => Flag(EmptyKnown, EmptyIsNull, static m =>
        m.Property.GetCustomAttribute<DisplayFormatAttribute>(inherit: true) is not { ConvertEmptyStringToNull: false } &&
        (Nullable.GetUnderlyingType(m.Type) is not null ||
            (!m.Type.IsValueType && new NullabilityInfoContext().Create(m.Property).WriteState == NullabilityState.Nullable)));

    private const int SimpleKnown = 1, Simple = 2, RequiredKnown = 4, Required = 8, EmptyKnown = 16, EmptyIsNull = 32;

    // The flags are worked out on first use: most members are never asked, and reflecting over
    // every member of 1,000 request types at start-up is measurable.
    private int _flags;

    private bool Flag(int known, int value, Func<RequestMember, bool> compute)
    {
        var flags = Volatile.Read(ref _flags);
        if ((flags & known) == 0)
        {
            var bits = known | (compute(this) ? value : 0);
            int seen;
            do
            {
                seen = flags;
                flags = Interlocked.CompareExchange(ref _flags, seen | bits, seen);
            }
            while (flags != seen);
            flags = seen | bits;
        }

        return (flags & value) != 0;
    }

    /// <summary>
    /// The request header a REST route reads the member from, when the property carries ASP.NET
    /// Core's <c>[FromHeader]</c> (any <see cref="IFromHeaderMetadata"/>): its <c>Name</c>, else the
    /// property's C# name. Null for every other member. On a positional record the attribute lands
    /// on the constructor parameter, so that parameter counts as the property.
    /// </summary>
    public string? HeaderName
    {
        get
        {
            // Worked out once: the catalog's checks, each route's binding and each document ask.
            if (!Volatile.Read(ref _headerKnown))
            {
                _headerName = FindHeaderName();
                Volatile.Write(ref _headerKnown, true);
            }

            return _headerName;
        }
    }

    private string? _headerName;
    private bool _headerKnown;

    private string? FindHeaderName()
    {
        var header = Property.GetCustomAttributes(inherit: true).OfType<IFromHeaderMetadata>().FirstOrDefault() ??
            Property.DeclaringType?.GetConstructors()
                .SelectMany(c => c.GetParameters())
                .Where(p => p.Name == Property.Name)
                .SelectMany(p => p.GetCustomAttributes(inherit: true).OfType<IFromHeaderMetadata>())
                .FirstOrDefault();
        return header is null ? null : string.IsNullOrEmpty(header.Name) ? Property.Name : header.Name;
    }

    public bool Matches(string name) =>
        string.Equals(name, JsonName, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(name, Property.Name, StringComparison.OrdinalIgnoreCase);
}
