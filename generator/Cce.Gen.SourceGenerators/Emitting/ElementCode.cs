using Cce.Gen.SourceGenerators.Models;
using static Cce.Gen.SourceGenerators.Emitting.InvariantText;

namespace Cce.Gen.SourceGenerators.Emitting;

/// <summary>
/// Everything that depends on the element type of H and W: how a word of a 16-byte chunk widens to fp32, how dH
/// is packed back into chunks, and the type names of the API. Kernels load every element type as the same
/// <c>U4</c> chunks, so this is the only code that tells fp32, fp16 and bf16 apart.
/// </summary>
internal static class ElementCode
{
    private const string Ilgpu = GlobalNames.Ilgpu;
    private const string Conversion = GlobalNames.Kernels + "ElementConversion.";
    private static readonly string[] Words = { "X", "Y", "Z", "W" };

    /// <summary>
    /// Element <paramref name="index"/> (0 to VectorWidth − 1) of the chunk variable <paramref name="chunk"/>, widened
    /// to fp32; 16-bit elements sit two to a word, the lower-indexed one in the low half.
    /// </summary>
    /// <remarks>
    /// The same bit operations as <c>ElementConversion</c>'s widening functions, written out rather than called: ILGPU's
    /// inliner splits the basic block at every call it inlines, which costs time in the length of the block, and the
    /// straight-line kernels widen thousands of elements in one block (fp16 D = 256 took 20 s to compile that way).
    /// Intrinsics (<c>IntAsFloat</c>, the half-to-float conversion) are no calls.
    /// </remarks>
    public static string Element(ElementType element, string chunk, int index)
    {
        string word = chunk + "." + Words[element == ElementType.Float32 ? index : index / 2];
        bool low = index % 2 == 0;
        return element switch
        {
            ElementType.Float32 => Invariant($"{Ilgpu}Interop.IntAsFloat({word})"),
            ElementType.BFloat16 => Invariant($"{Ilgpu}Interop.IntAsFloat({(low ? $"{word} << 16" : $"{word} & 0xFFFF0000u")})"),
            _ => Invariant($"(float){Ilgpu}Interop.IntAsFloat((ushort){(low ? word : $"({word} >> 16)")})"),
        };
    }

    /// <summary>The <c>ChunkElements</c> function that widens the element of a chunk at an index known only at run time.</summary>
    public static string ChunkElementFunction(ElementType element) => element switch
    {
        ElementType.Float32 => "Float32",
        ElementType.BFloat16 => "BFloat16",
        _ => "Half",
    };

    /// <summary>
    /// One 16-byte chunk of dH in the gradient's element type, from the fp32 scalars
    /// <paramref name="prefix"/><paramref name="first"/> onward (4 of them in fp32, 8 in a 16-bit type).
    /// </summary>
    public static string GradientChunk(ElementType element, int gradientBytes, string prefix, int first)
    {
        string[] words = new string[4];
        for (int word = 0; word < 4; word++)
        {
            words[word] = gradientBytes == 4
                ? Invariant($"{Ilgpu}Interop.FloatAsInt({prefix}{first + word})")
                : Invariant($"{Conversion}{(element == ElementType.BFloat16 ? "PackBFloat16" : "PackHalf")}({prefix}{first + (2 * word)}, {prefix}{first + (2 * word) + 1})");
        }

        return $"new {GlobalNames.Kernels}U4({words[0]}, {words[1]}, {words[2]}, {words[3]})";
    }

    /// <summary>The C# type of H and W in the typed API.</summary>
    public static string ElementTypeName(ElementType element) => element switch
    {
        ElementType.Float32 => "float",
        ElementType.Float16 => GlobalNames.System + "Half",
        _ => GlobalNames.Cce + "BFloat16",
    };

    /// <summary>The C# type of dH in the typed API: fp32 on request, otherwise the input's own type.</summary>
    public static string GradientTypeName(LossSettings settings) =>
        settings.HiddenGradient == GradientPrecision.Float32 ? "float" : ElementTypeName(settings.Element);
}
