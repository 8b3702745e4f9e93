using System.Collections;
using System.Reflection;
using Cce.Gen.SourceGenerators;
using Cce.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Cce.Gen.Tests;

/// <summary>
/// The pipeline caches only what compares by value: a symbol, syntax node, compilation, location or
/// semantic model anywhere in a parse result would pin a compilation and defeat caching.
/// </summary>
public sealed class ModelGraphTests
{
    private static readonly Type[] Forbidden = [typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation), typeof(Location), typeof(SemanticModel)];

    [Fact]
    public void ParseResults_HoldNoCompilerObjects()
    {
        GeneratorRun run = GeneratorRun.Of("""
            using Cce;

            namespace Shop;

            public partial class Outer<T>
            {
                [CatalogLoss(Negatives = 255, HiddenSize = 64, Element = ElementType.BFloat16)]
                [PerRowTile(Warps = 4, RowsPerGroup = 8)]
                [PerRowTile(Warps = 4, RowsPerGroup = 8)]
                public partial class GoodLoss;
            }

            [CatalogLoss(Negatives = 0, HiddenSize = 3)]
            public class BrokenLoss;
            """);

        object[] results = run.Result.TrackedSteps[TrackingNames.Parsed].SelectMany(s => s.Outputs).Select(o => o.Value).ToArray();
        Assert.Equal(2, results.Length);
        Assert.Contains(results, r => r is ParseResult { Model: not null, Diagnostics.Length: 1 });
        Assert.Contains(results, r => r is ParseResult { Model: null, Diagnostics.Length: > 1 });

        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (object result in results)
        {
            Walk(result, "ParseResult", seen);
        }
    }

    [Fact]
    public void ModelTypes_DeclareNoCompilerObjects()
    {
        var seen = new HashSet<Type>();
        CheckType(typeof(ParseResult), "ParseResult", seen);
    }

    private static void Walk(object? value, string path, HashSet<object> seen)
    {
        if (value is null or string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Type type = value.GetType();
        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), path + " holds a " + type.FullName);
        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (object? item in items)
            {
                Walk(item, path + "[" + i++ + "]", seen);
            }
        }

        foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), path + "." + field.Name, seen);
        }
    }

    private static void CheckType(Type type, string path, HashSet<Type> seen)
    {
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || !seen.Add(type))
        {
            return;
        }

        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), path + " is declared as " + type.FullName);
        IEnumerable<Type> related = type.IsArray ? [type.GetElementType()!] : type.GetGenericArguments();
        foreach (Type argument in related)
        {
            CheckType(argument, path + "<" + argument.Name + ">", seen);
        }

        if (type.Namespace?.StartsWith("Cce.Gen", StringComparison.Ordinal) == true)
        {
            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                CheckType(field.FieldType, path + "." + field.Name, seen);
            }
        }
    }
}
