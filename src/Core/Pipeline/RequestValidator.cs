using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Hybrid;

/// <summary>
/// DataAnnotations validation for one request type, prepared at start-up: the attributed properties
/// and their getters are found once, and messages name fields by their JSON names.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
internal sealed class RequestValidator<TRequest>
    where TRequest : class
{
    private readonly Rule[] _rules;
    private readonly ValidationAttribute[] _typeAttributes;
    private readonly bool _validatable;

    public RequestValidator(RequestShape shape)
    {
        _rules = [.. shape.Members
            .Select(m => new Rule(m, Accessors.BoxedGetter<TRequest>(m.Property), m.Property.GetCustomAttributes<ValidationAttribute>(inherit: true).ToArray()))
            .Where(r => r.Attributes.Length > 0)];
        _typeAttributes = [.. typeof(TRequest).GetCustomAttributes<ValidationAttribute>(inherit: true)];
        _validatable = typeof(IValidatableObject).IsAssignableFrom(typeof(TRequest));
        JsonNames = shape.Members.ToDictionary(m => m.Property.Name, m => m.JsonName, StringComparer.Ordinal);
    }

    /// <summary>True when the type declares nothing to validate: the pipeline skips the step.</summary>
    public bool IsEmpty => _rules.Length == 0 && _typeAttributes.Length == 0 && !_validatable;

    private Dictionary<string, string> JsonNames { get; }

    /// <summary>Validates; returns the field errors keyed by JSON name, or null when valid.</summary>
    public Dictionary<string, string[]>? Validate(TRequest request, IServiceProvider services)
    {
        if (IsEmpty)
        {
            return null;
        }

        Dictionary<string, List<string>>? errors = null;
        foreach (var rule in _rules)
        {
            var value = rule.Get(request);
            var context = new ValidationContext(request, services, items: null)
            {
                MemberName = rule.Member.Property.Name,
                DisplayName = rule.Member.JsonName,
            };
            foreach (var attribute in rule.Attributes)
            {
                var result = attribute.GetValidationResult(value, context);
                if (result != ValidationResult.Success && result is not null)
                {
                    Add(ref errors, rule.Member.JsonName, result.ErrorMessage);
                }
            }
        }

        if (errors is null && (_typeAttributes.Length > 0 || _validatable))
        {
            var context = new ValidationContext(request, services, items: null);
            foreach (var attribute in _typeAttributes)
            {
                var result = attribute.GetValidationResult(request, context);
                if (result != ValidationResult.Success && result is not null)
                {
                    AddResult(ref errors, result);
                }
            }

            if (_validatable)
            {
                foreach (var result in ((IValidatableObject)request).Validate(context))
                {
                    AddResult(ref errors, result);
                }
            }
        }

        return errors?.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    private void AddResult(ref Dictionary<string, List<string>>? errors, ValidationResult result)
    {
        var members = result.MemberNames.Any() ? result.MemberNames : [string.Empty];
        foreach (var member in members)
        {
            Add(ref errors, JsonNames.GetValueOrDefault(member, member), result.ErrorMessage);
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

    private sealed record Rule(RequestMember Member, Func<TRequest, object?> Get, ValidationAttribute[] Attributes);
}
