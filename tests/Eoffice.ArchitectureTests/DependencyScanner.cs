using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Eoffice.ArchitectureTests;

/// <summary>
/// Reads compiled IL with Mono.Cecil and lists, for each type, every type it uses: base types, interfaces, fields,
/// properties, method signatures, attributes, generic arguments, and the operands of every instruction in every
/// method body (so a call hidden inside a lambda or an async state machine is seen too).
/// </summary>
public static class DependencyScanner
{
    public sealed record Dependency(string FromType, string ToType);

    public static IReadOnlyList<Dependency> Scan(string assemblyPath, string namespacePrefix)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var result = new HashSet<Dependency>();
        foreach (var type in module.GetTypes().Where(t => t.FullName.StartsWith(namespacePrefix, StringComparison.Ordinal)))
        {
            var owner = OuterMost(type).FullName;
            foreach (var used in UsedTypes(type))
            {
                var name = Normalize(used);
                if (name is not null && name != owner)
                {
                    result.Add(new Dependency(owner, name));
                }
            }
        }

        return result.ToList();
    }

    private static TypeDefinition OuterMost(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static string? Normalize(TypeReference? type)
    {
        while (type is TypeSpecification specification)
        {
            type = specification.ElementType;
        }

        if (type is null || type is GenericParameter)
        {
            return null;
        }

        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.FullName;
    }

    private static IEnumerable<TypeReference> Expand(TypeReference? type)
    {
        if (type is null)
        {
            yield break;
        }

        yield return type;
        if (type is GenericInstanceType generic)
        {
            foreach (var argument in generic.GenericArguments.SelectMany(Expand))
            {
                yield return argument;
            }
        }

        if (type is TypeSpecification specification)
        {
            foreach (var inner in Expand(specification.ElementType))
            {
                yield return inner;
            }
        }
    }

    private static IEnumerable<TypeReference> FromAttributes(ICustomAttributeProvider provider) =>
        provider.HasCustomAttributes
            ? provider.CustomAttributes.SelectMany(a => Expand(a.AttributeType)
                .Concat(a.ConstructorArguments.Select(arg => arg.Value).OfType<TypeReference>().SelectMany(Expand)))
            : [];

    private static IEnumerable<TypeReference> UsedTypes(TypeDefinition type)
    {
        foreach (var t in Expand(type.BaseType))
        {
            yield return t;
        }

        foreach (var t in type.Interfaces.SelectMany(i => Expand(i.InterfaceType)))
        {
            yield return t;
        }

        foreach (var t in FromAttributes(type))
        {
            yield return t;
        }

        foreach (var field in type.Fields)
        {
            foreach (var t in Expand(field.FieldType).Concat(FromAttributes(field)))
            {
                yield return t;
            }
        }

        foreach (var property in type.Properties)
        {
            foreach (var t in Expand(property.PropertyType).Concat(FromAttributes(property)))
            {
                yield return t;
            }
        }

        foreach (var method in type.Methods)
        {
            foreach (var t in Expand(method.ReturnType).Concat(FromAttributes(method))
                .Concat(method.Parameters.SelectMany(p => Expand(p.ParameterType).Concat(FromAttributes(p)))))
            {
                yield return t;
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var variable in method.Body.Variables)
            {
                foreach (var t in Expand(variable.VariableType))
                {
                    yield return t;
                }
            }

            foreach (var instruction in method.Body.Instructions)
            {
                foreach (var t in FromOperand(instruction))
                {
                    yield return t;
                }
            }
        }
    }

    private static IEnumerable<TypeReference> FromOperand(Instruction instruction) => instruction.Operand switch
    {
        TypeReference type => Expand(type),
        MethodReference method => Expand(method.DeclaringType).Concat(Expand(method.ReturnType))
            .Concat(method.Parameters.SelectMany(p => Expand(p.ParameterType)))
            .Concat(method is GenericInstanceMethod g ? g.GenericArguments.SelectMany(Expand) : []),
        FieldReference field => Expand(field.DeclaringType).Concat(Expand(field.FieldType)),
        _ => [],
    };
}
