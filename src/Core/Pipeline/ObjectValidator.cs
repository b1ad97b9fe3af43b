using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Hybrid;

/// <summary>
/// DataAnnotations validation of one type, recursing into nested objects and collection items:
/// property attributes, type attributes, <see cref="IValidatableObject"/>, and an implicit rule that
/// an enum member holds a defined value (JSON reads any number into an enum). Errors are keyed by
/// JSON path (<c>author.name</c>, <c>tags[1]</c>) and messages name the JSON property.
/// </summary>
internal sealed class ObjectValidator
{
    private readonly Validators _set;
    private readonly Rule[] _rules;
    private readonly Nested[] _nested;
    private readonly ValidationAttribute[] _typeAttributes;
    private readonly bool _validatable;
    private readonly Dictionary<string, string> _jsonNames;

    public ObjectValidator(Type type, Validators set)
    {
        _set = set;
        var shape = RequestShape.For(type, set.Json);
        var rules = new List<Rule>();
        var nested = new List<Nested>();
        foreach (var member in shape.Members)
        {
            var attributes = member.Property.GetCustomAttributes<ValidationAttribute>(inherit: true).ToArray();
            var enumType = Nullable.GetUnderlyingType(member.Type) ?? member.Type;
            var checksEnum = enumType.IsEnum && !enumType.IsDefined(typeof(FlagsAttribute), inherit: false);
            var checksFinite = ValidatedTypes.IsFloatingPoint(enumType) && !set.Json.NumberHandling.HasFlag(JsonNumberHandling.AllowNamedFloatingPointLiterals);
            var (nestedType, isCollection) = ValidatedTypes.NestedTypeOf(member.Type);
            if (attributes.Length == 0 && !checksEnum && !checksFinite && nestedType is null)
            {
                continue;
            }

            var get = Accessors.ObjectGetter(member.Property);
            if (attributes.Length > 0 || checksEnum || checksFinite)
            {
                rules.Add(new Rule(member, get, attributes, [.. attributes.Select(IsContextFree)], checksEnum ? enumType : null, checksFinite ? enumType : null));
            }

            if (nestedType is not null)
            {
                nested.Add(new Nested(member.JsonName, get, nestedType, isCollection));
            }
        }

        _rules = [.. rules];
        _nested = [.. nested];
        _typeAttributes = [.. type.GetCustomAttributes<ValidationAttribute>(inherit: true)];
        _validatable = typeof(IValidatableObject).IsAssignableFrom(type);
        _jsonNames = shape.Members.ToDictionary(m => m.Property.Name, m => m.JsonName, StringComparer.Ordinal);
    }

    /// <summary>True when the type itself declares nothing to check (its nested members may).</summary>
    private bool IsShallowEmpty => _rules.Length == 0 && _typeAttributes.Length == 0 && !_validatable;

    /// <summary>True when neither the type nor anything reachable from it declares a rule: the pipeline skips the step.</summary>
    public bool IsEmpty => _isEmpty ??= ComputeIsEmpty([]);

    private bool? _isEmpty;

    /// <summary>
    /// Validates; returns the field errors keyed by JSON path, or null when valid. With
    /// <paramref name="whole"/> false (a request some of whose fields did not bind) the members'
    /// rules run and the type-level ones (<c>IValidatableObject</c>, attributes on the type) do not:
    /// they judge a whole object, and this one is missing what was left out.
    /// </summary>
    public Dictionary<string, string[]>? Validate(object instance, IServiceProvider services, bool whole = true)
    {
        if (IsEmpty)
        {
            return null;
        }

        Dictionary<string, List<string>>? errors = null;
        Validate(instance, string.Empty, services, ref errors, depth: 0, whole);
        return errors?.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    private void Validate(object instance, string prefix, IServiceProvider services, ref Dictionary<string, List<string>>? errors, int depth, bool whole)
    {
        var before = errors?.Count ?? 0;
        foreach (var rule in _rules)
        {
            var value = rule.Get(instance);
            var field = Join(prefix, rule.Member.JsonName);
            if (rule.EnumType is not null && value is not null && !Enum.IsDefined(rule.EnumType, value))
            {
                Add(ref errors, field, FieldMessages.Invalid(rule.Member.JsonName, rule.EnumType));
            }

            if (rule.FiniteType is not null && value is not null && !ValidatedTypes.IsFinite(value))
            {
                Add(ref errors, field, FieldMessages.Invalid(rule.Member.JsonName, rule.FiniteType));
            }

            if (rule.Attributes.Length == 0)
            {
                continue;
            }

            ValidationContext? context = null;
            for (var i = 0; i < rule.Attributes.Length; i++)
            {
                var attribute = rule.Attributes[i];
                if (rule.ContextFree[i])
                {
                    // The same verdict and message GetValidationResult gives, without a ValidationContext
                    // (and its dictionary) per member per request.
                    if (!attribute.IsValid(value))
                    {
                        Add(ref errors, field, attribute.FormatErrorMessage(rule.Member.JsonName));
                    }

                    continue;
                }

                context ??= new ValidationContext(instance, services, items: null)
                {
                    MemberName = rule.Member.Property.Name,
                    DisplayName = rule.Member.JsonName,
                };
                var result = attribute.GetValidationResult(value, context);
                if (result != ValidationResult.Success && result is not null)
                {
                    Add(ref errors, field, result.ErrorMessage);
                }
            }
        }

        // A graph from a body is no deeper than the body's bound; one built otherwise (a cycle) stops there too.
        if (depth < _set.MaxDepth)
        {
            foreach (var nested in _nested)
            {
                ValidateNested(nested, instance, prefix, services, ref errors, depth, whole);
            }
        }

        // Type-level rules see a whole object, so they run once its members are valid (as Validator.TryValidateObject does).
        if (whole && (errors?.Count ?? 0) == before && (_typeAttributes.Length > 0 || _validatable))
        {
            var context = new ValidationContext(instance, services, items: null);
            foreach (var attribute in _typeAttributes)
            {
                var result = attribute.GetValidationResult(instance, context);
                if (result != ValidationResult.Success && result is not null)
                {
                    AddResult(ref errors, prefix, result);
                }
            }

            if (_validatable)
            {
                foreach (var result in ((IValidatableObject)instance).Validate(context))
                {
                    AddResult(ref errors, prefix, result);
                }
            }
        }
    }

    private void ValidateNested(Nested nested, object instance, string prefix, IServiceProvider services, ref Dictionary<string, List<string>>? errors, int depth, bool whole)
    {
        var value = nested.Get(instance);
        if (value is null)
        {
            return;
        }

        var validator = _set.For(nested.Type);
        if (validator.IsEmpty)
        {
            return;
        }

        var path = Join(prefix, nested.JsonName);
        if (!nested.IsCollection)
        {
            validator.Validate(value, path, services, ref errors, depth + 1, whole);
            return;
        }

        var index = 0;
        foreach (var item in (IEnumerable)value)
        {
            if (item is not null)
            {
                validator.Validate(item, path + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", services, ref errors, depth + 1, whole);
            }

            index++;
        }
    }

    private bool ComputeIsEmpty(HashSet<Type> visiting)
    {
        if (!IsShallowEmpty)
        {
            return false;
        }

        foreach (var nested in _nested)
        {
            if (visiting.Add(nested.Type) && !_set.For(nested.Type).ComputeIsEmpty(visiting))
            {
                return false;
            }
        }

        return true;
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

    private void AddResult(ref Dictionary<string, List<string>>? errors, string prefix, ValidationResult result)
    {
        var members = result.MemberNames.Any() ? result.MemberNames : [string.Empty];
        foreach (var member in members)
        {
            var name = _jsonNames.GetValueOrDefault(member, member);
            Add(ref errors, name.Length == 0 ? prefix : Join(prefix, name), result.ErrorMessage);
        }
    }

    private static void Add(ref Dictionary<string, List<string>>? errors, string field, string? message)
    {
        errors ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!errors.TryGetValue(field, out var list))
        {
            list = [];
            errors.Add(field, list);
        }

        list.Add(message ?? "The value is invalid.");
    }

    /// <summary>
    /// DataAnnotations' own attributes (Required, StringLength, Range, ...) judge a value alone through
    /// <see cref="ValidationAttribute.IsValid(object?)"/>; an app's attribute may need the context, so
    /// it always gets one.
    /// </summary>
    private static bool IsContextFree(ValidationAttribute attribute) =>
        attribute.GetType().Assembly == typeof(ValidationAttribute).Assembly && !attribute.RequiresValidationContext;

    private sealed record Rule(RequestMember Member, Func<object, object?> Get, ValidationAttribute[] Attributes, bool[] ContextFree, Type? EnumType, Type? FiniteType);

    private sealed record Nested(string JsonName, Func<object, object?> Get, Type Type, bool IsCollection);
}
