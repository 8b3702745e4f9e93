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
    public static string Element(ElementType element, string chunk, int index) => element switch
    {
        ElementType.Float32 => Invariant($"{Ilgpu}Interop.IntAsFloat({chunk}.{Words[index]})"),
        ElementType.BFloat16 => Invariant($"{Conversion}BFloat16{(index % 2 == 0 ? "Low" : "High")}({chunk}.{Words[index / 2]})"),
        _ => Invariant($"{Conversion}Half{(index % 2 == 0 ? "Low" : "High")}({chunk}.{Words[index / 2]})"),
    };

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
