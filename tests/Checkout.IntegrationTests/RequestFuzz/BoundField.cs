using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Checkout.IntegrationTests.RequestFuzz;

/// <summary>A field an action binds. Free text (a name, an address) is valid whatever it says within its length.</summary>
internal sealed record BoundField(string Name, bool FreeText, bool Nullable, int? MaxLength)
{
    private static readonly Type[] NoFormat = [typeof(RequiredAttribute), typeof(StringLengthAttribute), typeof(MaxLengthAttribute), typeof(DataTypeAttribute)];

    public static BoundField Unknown(string name) => new(name, FreeText: false, Nullable: false, MaxLength: null);

    public static IEnumerable<BoundField> Of(Microsoft.AspNetCore.Mvc.Abstractions.ParameterDescriptor parameter)
    {
        var type = parameter.ParameterType;
        if (type == typeof(CancellationToken))
        {
            return [];
        }

        var nullability = new NullabilityInfoContext();
        if (type == typeof(string) || type.IsValueType)
        {
            return parameter is ControllerParameterDescriptor { ParameterInfo: var info }
                ? [Field(parameter.Name, type, info.GetCustomAttributes<ValidationAttribute>(), nullability.Create(info))]
                : [Unknown(parameter.Name)];
        }

        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetCustomAttribute<BindNeverAttribute>() is null)
            .Select(p => Field(p.Name, p.PropertyType, p.GetCustomAttributes<ValidationAttribute>(), nullability.Create(p)));
    }

    private static BoundField Field(string name, Type type, IEnumerable<ValidationAttribute> attributes, NullabilityInfo nullability)
    {
        var list = attributes.ToList();
        return new BoundField(
            name,
            FreeText: type == typeof(string) && list.All(a => NoFormat.Contains(a.GetType())),
            Nullable: nullability.WriteState == NullabilityState.Nullable,
            MaxLength: list.OfType<StringLengthAttribute>().Select(a => (int?)a.MaximumLength).FirstOrDefault());
    }

    /// <summary>The bad values worth putting in this field: for free text only the empty and the too long.</summary>
    public IEnumerable<string> BadValues()
    {
        var values = FreeText ? [""] : HostileInputs.HostileValues.AsEnumerable();
        if (MaxLength is { } max)
        {
            values = values.Append(new string('я', max + 1));
        }

        return values.Where(v => !(Nullable && v.Length == 0));
    }
}
