using Cce.Kernels;

namespace Cce.Tuning;

/// <summary>Packs host values into the raw element bits the kernels read and unpacks what they write.</summary>
internal static class ElementCodec
{
    /// <summary>Bytes per element.</summary>
    public static int Size(ElementType type) => type == ElementType.Float32 ? sizeof(float) : sizeof(ushort);

    /// <summary><paramref name="value"/> rounded to <paramref name="type"/>, as the kernels will read it.</summary>
    public static float Round(ElementType type, float value) => type switch
    {
        ElementType.Float32 => value,
        ElementType.Float16 => (float)(Half)value,
        _ => BitConverter.UInt32BitsToSingle((uint)ElementConversion.FloatToBFloat16Bits(value) << 16),
    };

    /// <summary>Writes <paramref name="values"/>, rounded to <paramref name="type"/>, as packed bits.</summary>
    public static void Pack(ElementType type, ReadOnlySpan<float> values, Span<byte> destination)
    {
        for (int i = 0; i < values.Length; i++)
        {
            switch (type)
            {
                case ElementType.Float32:
                    BitConverter.TryWriteBytes(destination[(i * 4)..], values[i]);
                    break;
                case ElementType.Float16:
                    BitConverter.TryWriteBytes(destination[(i * 2)..], BitConverter.HalfToUInt16Bits((Half)values[i]));
                    break;
                default:
                    BitConverter.TryWriteBytes(destination[(i * 2)..], ElementConversion.FloatToBFloat16Bits(values[i]));
                    break;
            }
        }
    }

    /// <summary>Element <paramref name="index"/> of packed <paramref name="bytes"/>.</summary>
    public static double Unpack(ElementType type, ReadOnlySpan<byte> bytes, long index) => type switch
    {
        ElementType.Float32 => BitConverter.ToSingle(bytes[checked((int)(index * 4))..]),
        ElementType.Float16 => (double)BitConverter.ToHalf(bytes[checked((int)(index * 2))..]),
        _ => BitConverter.UInt32BitsToSingle((uint)BitConverter.ToUInt16(bytes[checked((int)(index * 2))..]) << 16),
    };
}
