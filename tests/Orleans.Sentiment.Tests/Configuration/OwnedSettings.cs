using System.Reflection;
using Orleans.Sentiment.Silo.Http;

namespace Orleans.Sentiment.Tests.Configuration;

/// <summary>
/// The settings the options classes own: each class with a <c>public const string Section</c> in the silo and the
/// project assemblies it loads, and under that section each public settable property, nested objects and lists
/// followed (<c>N</c> standing for a list index, as the README writes it).
/// </summary>
internal static class OwnedSettings
{
    /// <summary>Every options class and the section it owns.</summary>
    public static IReadOnlyList<(Type Owner, string Section)> Owners() =>
        [.. ProjectAssemblies()
            .SelectMany(a => a.GetTypes())
            .Select(t => (Owner: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(o => o.Field is { IsLiteral: true } && o.Field.FieldType == typeof(string))
            .Select(o => (o.Owner, (string)o.Field!.GetRawConstantValue()!))];

    /// <summary>Every owned setting, with the class that owns it.</summary>
    public static IReadOnlyList<(string Key, Type Owner)> Keys() =>
        [.. Owners().SelectMany(o => KeysUnder(o.Section, o.Owner).Select(key => (key, o.Owner)))];

    private static IEnumerable<string> KeysUnder(string prefix, Type type)
    {
        if (ElementType(type) is { } element)
        {
            return IsValue(element) ? [prefix] : KeysUnder($"{prefix}:N", element);
        }

        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .SelectMany(p => IsValue(p.PropertyType) ? [$"{prefix}:{p.Name}"] : KeysUnder($"{prefix}:{p.Name}", p.PropertyType));
    }

    /// <summary>A type bound from one value (a number, a string, a time span, an enum).</summary>
    private static bool IsValue(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
            || type == typeof(DateTimeOffset) || type == typeof(Uri);
    }

    /// <summary>The element type of an array or list, which binds from <c>key:0</c>, <c>key:1</c>, …; null for anything else.</summary>
    private static Type? ElementType(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollection<>))?.GetGenericArguments()[0];

    /// <summary>The silo's assembly and the project assemblies it references, directly or not.</summary>
    private static List<Assembly> ProjectAssemblies()
    {
        var found = new List<Assembly>();
        var pending = new Queue<Assembly>([typeof(HttpApiRegistration).Assembly]);
        while (pending.TryDequeue(out var assembly))
        {
            if (found.Contains(assembly))
            {
                continue;
            }

            found.Add(assembly);
            foreach (var name in assembly.GetReferencedAssemblies().Where(n => n.Name!.StartsWith("Orleans.Sentiment.", StringComparison.Ordinal)))
            {
                pending.Enqueue(Assembly.Load(name));
            }
        }

        return found;
    }
}
