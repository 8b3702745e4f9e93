using System.Reflection;
using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Backends;
using ILGPU.Backends.PTX;
using ILGPU.IR;
using ILGPU.IR.Intrinsics;
using ILGPU.IR.Types;
using ILGPU.IR.Values;
using ILGPU.Runtime.Cuda;

namespace Cce.Kernels;

/// <summary>The four fp32 accumulators one lane holds of an m16n8 tile (rows g and g + 8, columns 2t and 2t + 1).</summary>
public struct MmaF32x4
{
    /// <summary>Row g, column 2t.</summary>
    public float X;

    /// <summary>Row g, column 2t + 1.</summary>
    public float Y;

    /// <summary>Row g + 8, column 2t.</summary>
    public float Z;

    /// <summary>Row g + 8, column 2t + 1.</summary>
    public float W;

    /// <summary>Creates a fragment from its four values.</summary>
    public MmaF32x4(float x, float y, float z, float w)
    {
        X = x;
        Y = y;
        Z = z;
        W = w;
    }
}

/// <summary>
/// Sm_80 matrix-unit instructions (mma.sync, ldmatrix, cp.async, packed conversions) as ILGPU custom intrinsics.
/// ILGPU 1.5.3 has no tensor-core API and inline <c>CudaAsm</c> can neither take addresses nor keep operands in
/// registers, so each instruction is generated straight into the PTX by a code generator registered on the
/// context (<see cref="Register"/>). On the CPU accelerator every method runs a warp-level C# emulation instead,
/// so kernels built from them can be checked without a GPU (the CPU device must have 32-lane warps).
/// </summary>
/// <remarks>
/// Lane l of a warp has g = l / 4 and t = l % 4. m16n8k16 fragments (row.col): A (16 x 16) a0 = (g, 2t..2t+1),
/// a1 = (g + 8, 2t..), a2 = (g, 2t + 8..), a3 = (g + 8, 2t + 8..); B (16 x 8, k x n) b0 = (k 2t..2t+1, n g),
/// b1 = (k 2t + 8.., n g); C: <see cref="MmaF32x4"/>. Two 16-bit values share a word, the lower column in the low half.
/// </remarks>
public static class MatrixUnits
{
    private const MethodImplOptions Inline = MethodImplOptions.AggressiveInlining;

    // ------------------------------------------------------------------ registration

    /// <summary>Registers the PTX code generators of the intrinsics on <paramref name="context"/>; call it once, before the first kernel compiles.</summary>
    public static void Register(Context context)
    {
        var manager = context.GetIntrinsicManager();
        foreach (var (method, generator) in Table)
        {
            var target = typeof(MatrixUnits).GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                ?? throw new MissingMethodException(nameof(MatrixUnits), method);
            manager.RegisterMethod(target, new PTXIntrinsic(typeof(MatrixUnits), generator, IntrinsicImplementationMode.GenerateCode));
        }
    }

    private static readonly (string Method, string Generator)[] Table =
    {
        (nameof(MmaBf16), nameof(GenerateMmaBf16)),
        (nameof(MmaF16), nameof(GenerateMmaF16)),
        (nameof(MmaTf32), nameof(GenerateMmaTf32)),
        (nameof(RoundTf32), nameof(GenerateRoundTf32)),
        (nameof(LoadMatrixX4Address), nameof(GenerateLoadMatrixX4)),
        (nameof(LoadMatrixX4TransAddress), nameof(GenerateLoadMatrixX4Trans)),
        (nameof(CopyAsync16Address), nameof(GenerateCopyAsync16)),
        (nameof(CopyAsync16ZeroFillAddress), nameof(GenerateCopyAsync16ZeroFill)),
        (nameof(CopyAsync4ZeroFillAddress), nameof(GenerateCopyAsync4ZeroFill)),
        (nameof(CommitGroup), nameof(GenerateCommitGroup)),
        (nameof(WaitGroup), nameof(GenerateWaitGroup)),
        (nameof(PackBf16), nameof(GeneratePackBf16)),
        (nameof(PackF16), nameof(GeneratePackF16)),
        (nameof(Exp2), nameof(GenerateExp2)),
    };

    // ------------------------------------------------------------------ mma.sync

    /// <summary>d = a · b + c for one m16n8k16 tile of bf16 inputs with fp32 accumulation (warp-collective).</summary>
    [IntrinsicImplementation]
    public static MmaF32x4 MmaBf16(MmaF32x4 c, uint a0, uint a1, uint a2, uint a3, uint b0, uint b1) =>
        EmulateMma(c, a0, a1, a2, a3, b0, b1, false);

    /// <summary>d = a · b + c for one m16n8k16 tile of fp16 inputs with fp32 accumulation (warp-collective).</summary>
    [IntrinsicImplementation]
    public static MmaF32x4 MmaF16(MmaF32x4 c, uint a0, uint a1, uint a2, uint a3, uint b0, uint b1) =>
        EmulateMma(c, a0, a1, a2, a3, b0, b1, true);

    /// <summary>
    /// d = a · b + c for one m16n8k8 tile of TF32 inputs (fp32 words whose low 13 mantissa bits the matrix units ignore)
    /// with fp32 accumulation (warp-collective). Fragments: A (16 x 8) a0 = (g, t), a1 = (g + 8, t), a2 = (g, t + 4),
    /// a3 = (g + 8, t + 4); B (8 x 8, k x n) b0 = (k t, n g), b1 = (k t + 4, n g); C as for m16n8k16.
    /// </summary>
    [IntrinsicImplementation]
    public static MmaF32x4 MmaTf32(MmaF32x4 c, uint a0, uint a1, uint a2, uint a3, uint b0, uint b1) =>
        EmulateMmaTf32(c, a0, a1, a2, a3, b0, b1);

    // ------------------------------------------------------------------ ldmatrix

    /// <summary>
    /// ldmatrix.x4: lane l names (through <paramref name="index"/>) the 16-byte row l % 8 of matrix l / 8 in
    /// <paramref name="shared"/>; word i of the result is lane's pair (row l / 4, columns 2 (l % 4)..) of matrix i.
    /// </summary>
    [MethodImpl(Inline)]
    public static U4 LoadMatrixX4(ArrayView<U4> shared, int index) =>
        CudaAsm.IsSupported ? LoadMatrixX4Address(ref shared[index]) : EmulateLoadMatrix(shared, index, false);

    /// <summary>ldmatrix.x4.trans: as <see cref="LoadMatrixX4"/> but each 8 x 8 matrix transposed (lane gets (rows 2t, 2t + 1; column g)).</summary>
    [MethodImpl(Inline)]
    public static U4 LoadMatrixX4Trans(ArrayView<U4> shared, int index) =>
        CudaAsm.IsSupported ? LoadMatrixX4TransAddress(ref shared[index]) : EmulateLoadMatrix(shared, index, true);

    /// <summary>PTX form of <see cref="LoadMatrixX4"/>: the address of this lane's row in shared memory.</summary>
    [IntrinsicImplementation]
    public static U4 LoadMatrixX4Address(ref U4 row) =>
        throw new NotSupportedException("ldmatrix needs a CUDA accelerator; call LoadMatrixX4(view, index), which emulates it elsewhere.");

    /// <summary>PTX form of <see cref="LoadMatrixX4Trans"/>.</summary>
    [IntrinsicImplementation]
    public static U4 LoadMatrixX4TransAddress(ref U4 row) =>
        throw new NotSupportedException("ldmatrix needs a CUDA accelerator; call LoadMatrixX4Trans(view, index), which emulates it elsewhere.");

    // ------------------------------------------------------------------ cp.async

    /// <summary>Starts a 16-byte copy from global to shared memory that bypasses L1 (cp.async.cg); complete it with <see cref="CommitGroup"/> and <see cref="WaitGroup"/>.</summary>
    [MethodImpl(Inline)]
    public static void CopyAsync16(ArrayView<U4> shared, int sharedIndex, ArrayView<U4> global, int globalIndex)
    {
        if (CudaAsm.IsSupported)
        {
            CopyAsync16Address(ref shared[sharedIndex], ref global[globalIndex]);
        }
        else
        {
            shared[sharedIndex] = global[globalIndex];
        }
    }

    /// <summary>As <see cref="CopyAsync16"/>, reading only the first <paramref name="sourceBytes"/> (0..16) bytes and zero-filling the rest.</summary>
    [MethodImpl(Inline)]
    public static void CopyAsync16ZeroFill(ArrayView<U4> shared, int sharedIndex, ArrayView<U4> global, int globalIndex, int sourceBytes)
    {
        if (CudaAsm.IsSupported)
        {
            CopyAsync16ZeroFillAddress(ref shared[sharedIndex], ref global[globalIndex], sourceBytes);
        }
        else
        {
            U4 v = sourceBytes > 0 ? global[globalIndex] : default;
            shared[sharedIndex] = new U4(
                sourceBytes >= 4 ? v.X : 0u,
                sourceBytes >= 8 ? v.Y : 0u,
                sourceBytes >= 12 ? v.Z : 0u,
                sourceBytes >= 16 ? v.W : 0u);
        }
    }

    /// <summary>Starts a 4-byte global-to-shared copy through L1 (cp.async.ca) of <paramref name="sourceBytes"/> (0 or 4) bytes, zero-filling the rest; for per-row scalars whose count need not be a multiple of 4.</summary>
    [MethodImpl(Inline)]
    public static void CopyAsync4ZeroFill(ArrayView<int> shared, int sharedIndex, ArrayView<int> global, int globalIndex, int sourceBytes)
    {
        if (CudaAsm.IsSupported)
        {
            CopyAsync4ZeroFillAddress(ref shared[sharedIndex], ref global[globalIndex], sourceBytes);
        }
        else
        {
            shared[sharedIndex] = sourceBytes > 0 ? global[globalIndex] : 0;
        }
    }

    /// <summary>PTX form of <see cref="CopyAsync4ZeroFill"/> on element addresses.</summary>
    [IntrinsicImplementation]
    public static void CopyAsync4ZeroFillAddress(ref int shared, ref int global, int sourceBytes) =>
        shared = sourceBytes > 0 ? global : 0;

    /// <summary>PTX form of <see cref="CopyAsync16"/> on element addresses.</summary>
    [IntrinsicImplementation]
    public static void CopyAsync16Address(ref U4 shared, ref U4 global) => shared = global;

    /// <summary>PTX form of <see cref="CopyAsync16ZeroFill"/> on element addresses.</summary>
    [IntrinsicImplementation]
    public static void CopyAsync16ZeroFillAddress(ref U4 shared, ref U4 global, int sourceBytes) =>
        shared = sourceBytes > 0 ? global : default;

    /// <summary>cp.async.commit_group: closes the group of copies this thread started since the last commit.</summary>
    [IntrinsicImplementation]
    public static void CommitGroup()
    {
        // The CPU copies synchronously: nothing is pending.
    }

    /// <summary>cp.async.wait_group n: waits until at most <paramref name="pending"/> (a constant) of this thread's groups are still in flight; 0 waits for all.</summary>
    [IntrinsicImplementation]
    public static void WaitGroup(int pending)
    {
        // The CPU copies synchronously: nothing is pending.
    }

    // ------------------------------------------------------------------ conversions and math

    /// <summary>Packs two floats into bf16x2 with round-to-nearest-even (cvt.rn.bf16x2.f32): <paramref name="low"/> in bits 0..15.</summary>
    [IntrinsicImplementation]
    public static uint PackBf16(float low, float high) => FloatToBf16(low) | (FloatToBf16(high) << 16);

    /// <summary>Packs two floats into f16x2 with round-to-nearest-even (cvt.rn.f16x2.f32): <paramref name="low"/> in bits 0..15.</summary>
    [IntrinsicImplementation]
    public static uint PackF16(float low, float high) => ElementConversion.PackHalf(low, high);

    /// <summary>Rounds a float to TF32, to nearest with ties away from zero (cvt.rna.tf32.f32): the word keeps 10 mantissa bits.</summary>
    [IntrinsicImplementation]
    public static uint RoundTf32(float value)
    {
        uint bits = Interop.FloatAsInt(value);
        return (bits & 0x7F800000u) == 0x7F800000u ? bits : (bits + 0x1000u) & 0xFFFFE000u;
    }

    /// <summary>2^x, approximate, flushing subnormals (ex2.approx.ftz.f32); 2^-inf = 0.</summary>
    [IntrinsicImplementation]
    public static float Exp2(float x) => MathF.Pow(2f, x);

    /// <summary>The float value of the bf16 in the low (<paramref name="high"/> false) or high half of <paramref name="pair"/>.</summary>
    [MethodImpl(Inline)]
    public static float Bf16ToFloat(uint pair, bool high) => Interop.IntAsFloat(high ? pair & 0xFFFF0000u : pair << 16);

    /// <summary>The float value of the fp16 in the low (<paramref name="high"/> false) or high half of <paramref name="pair"/>.</summary>
    [MethodImpl(Inline)]
    public static float F16ToFloat(uint pair, bool high) => high ? ElementConversion.HalfHigh(pair) : ElementConversion.HalfLow(pair);

    // ------------------------------------------------------------------ CPU emulation

    // A lane's A row g comes from lanes 4g..4g+3, its B columns 2t and 2t + 1 from lanes 8t + i and 8t + 4 + i.
    private static MmaF32x4 EmulateMma(MmaF32x4 c, uint a0, uint a1, uint a2, uint a3, uint b0, uint b1, bool f16)
    {
        int lane = Warp.LaneIdx;
        int g = lane >> 2;
        int t = lane & 3;
        float x = c.X, y = c.Y, z = c.Z, w = c.W;
        for (int i = 0; i < 4; i++)
        {
            uint r0 = (uint)Warp.Shuffle((int)a0, 4 * g + i);
            uint r1 = (uint)Warp.Shuffle((int)a1, 4 * g + i);
            uint r2 = (uint)Warp.Shuffle((int)a2, 4 * g + i);
            uint r3 = (uint)Warp.Shuffle((int)a3, 4 * g + i);
            uint p0 = (uint)Warp.Shuffle((int)b0, 8 * t + i);
            uint p1 = (uint)Warp.Shuffle((int)b1, 8 * t + i);
            uint q0 = (uint)Warp.Shuffle((int)b0, 8 * t + 4 + i);
            uint q1 = (uint)Warp.Shuffle((int)b1, 8 * t + 4 + i);
            x += Dot2(r0, p0, f16) + Dot2(r2, p1, f16);
            y += Dot2(r0, q0, f16) + Dot2(r2, q1, f16);
            z += Dot2(r1, p0, f16) + Dot2(r3, p1, f16);
            w += Dot2(r1, q0, f16) + Dot2(r3, q1, f16);
        }

        return new MmaF32x4(x, y, z, w);
    }

    // A lane's A row g comes from lanes 4g..4g+3 (column i and i + 4 from lane 4g + i), its B column n from lanes 4n..4n+3.
    private static MmaF32x4 EmulateMmaTf32(MmaF32x4 c, uint a0, uint a1, uint a2, uint a3, uint b0, uint b1)
    {
        int lane = Warp.LaneIdx;
        int g = lane >> 2;
        int t = lane & 3;
        float x = c.X, y = c.Y, z = c.Z, w = c.W;
        for (int i = 0; i < 4; i++)
        {
            float r0 = Tf32(Warp.Shuffle((int)a0, 4 * g + i)), r2 = Tf32(Warp.Shuffle((int)a2, 4 * g + i));
            float r1 = Tf32(Warp.Shuffle((int)a1, 4 * g + i)), r3 = Tf32(Warp.Shuffle((int)a3, 4 * g + i));
            float p0 = Tf32(Warp.Shuffle((int)b0, 8 * t + i)), p1 = Tf32(Warp.Shuffle((int)b1, 8 * t + i));
            float q0 = Tf32(Warp.Shuffle((int)b0, 8 * t + 4 + i)), q1 = Tf32(Warp.Shuffle((int)b1, 8 * t + 4 + i));
            x += r0 * p0 + r2 * p1;
            y += r0 * q0 + r2 * q1;
            z += r1 * p0 + r3 * p1;
            w += r1 * q0 + r3 * q1;
        }

        return new MmaF32x4(x, y, z, w);
    }

    private static float Tf32(int word) => Interop.IntAsFloat((uint)word & 0xFFFFE000u);

    private static float Dot2(uint a, uint b, bool f16) => f16
        ? F16ToFloat(a, false) * F16ToFloat(b, false) + F16ToFloat(a, true) * F16ToFloat(b, true)
        : Bf16ToFloat(a, false) * Bf16ToFloat(b, false) + Bf16ToFloat(a, true) * Bf16ToFloat(b, true);

    private static U4 EmulateLoadMatrix(ArrayView<U4> shared, int index, bool trans)
    {
        int lane = Warp.LaneIdx;
        return new U4(
            LoadMatrixWord(shared, index, lane, 0, trans),
            LoadMatrixWord(shared, index, lane, 1, trans),
            LoadMatrixWord(shared, index, lane, 2, trans),
            LoadMatrixWord(shared, index, lane, 3, trans));
    }

    // Every lane takes part in every shuffle, so the row indices of all lanes are exchanged before any branch.
    private static uint LoadMatrixWord(ArrayView<U4> shared, int index, int lane, int matrix, bool trans)
    {
        int g = lane >> 2;
        int t = lane & 3;
        int direct = Warp.Shuffle(index, 8 * matrix + g);
        int even = Warp.Shuffle(index, 8 * matrix + 2 * t);
        int odd = Warp.Shuffle(index, 8 * matrix + 2 * t + 1);
        if (!trans)
        {
            return Word(shared[direct], t);
        }

        uint low = (Word(shared[even], g >> 1) >> (16 * (g & 1))) & 0xFFFFu;
        uint high = (Word(shared[odd], g >> 1) >> (16 * (g & 1))) & 0xFFFFu;
        return low | (high << 16);
    }

    private static uint Word(U4 v, int i) => i == 0 ? v.X : i == 1 ? v.Y : i == 2 ? v.Z : v.W;

    private static uint FloatToBf16(float value)
    {
        uint bits = Interop.FloatAsInt(value);
        if ((bits & 0x7FFFFFFFu) > 0x7F800000u)
        {
            return 0x7FC0u;
        }

        return (bits + 0x7FFFu + ((bits >> 16) & 1u)) >> 16;
    }

    // ------------------------------------------------------------------ PTX code generators

    private static void GenerateMmaBf16(PTXBackend backend, PTXCodeGenerator generator, Value value) =>
        EmitMma(generator, value, "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32");

    private static void GenerateMmaF16(PTXBackend backend, PTXCodeGenerator generator, Value value) =>
        EmitMma(generator, value, "mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32");

    private static void EmitMma(PTXCodeGenerator generator, Value value, string instruction)
    {
        var c = ((RegisterAllocator<PTXRegisterKind>.CompoundRegister)generator.Load(value[0])).SliceAs<RegisterAllocator<PTXRegisterKind>.PrimitiveRegister>(0, 4);
        var a = new[] { Hardware(generator, value[1]), Hardware(generator, value[2]), Hardware(generator, value[3]), Hardware(generator, value[4]) };
        var b = new[] { Hardware(generator, value[5]), Hardware(generator, value[6]) };
        var d = ((RegisterAllocator<PTXRegisterKind>.CompoundRegister)generator.Allocate(value)).SliceAs<RegisterAllocator<PTXRegisterKind>.PrimitiveRegister>(0, 4);
        using var command = generator.BeginCommand(instruction);
        command.AppendVectorArgument(d);
        command.AppendVectorArgument(a);
        command.AppendVectorArgument(b);
        command.AppendVectorArgument(c.Select(r => (RegisterAllocator<PTXRegisterKind>.PrimitiveRegister)generator.EnsureHardwareRegister(r)).ToArray());
    }

    private static void GenerateMmaTf32(PTXBackend backend, PTXCodeGenerator generator, Value value) =>
        EmitMma(generator, value, "mma.sync.aligned.m16n8k8.row.col.f32.tf32.tf32.f32");

    private static void GenerateRoundTf32(PTXBackend backend, PTXCodeGenerator generator, Value value)
    {
        var x = Hardware(generator, value[0]);
        var target = generator.AllocateHardware(value);
        using var command = generator.BeginCommand("cvt.rna.tf32.f32");
        command.AppendArgument(target);
        command.AppendArgument(x);
    }

    private static void GenerateLoadMatrixX4(PTXBackend backend, PTXCodeGenerator generator, Value value) =>
        EmitLoadMatrix(generator, value, "ldmatrix.sync.aligned.m8n8.x4.shared.b16");

    private static void GenerateLoadMatrixX4Trans(PTXBackend backend, PTXCodeGenerator generator, Value value) =>
        EmitLoadMatrix(generator, value, "ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16");

    private static void EmitLoadMatrix(PTXCodeGenerator generator, Value value, string instruction)
    {
        var address = Address(generator, value[0], MemoryAddressSpace.Shared);
        var d = ((RegisterAllocator<PTXRegisterKind>.CompoundRegister)generator.Allocate(value)).SliceAs<RegisterAllocator<PTXRegisterKind>.PrimitiveRegister>(0, 4);
        using var command = generator.BeginCommand(instruction);
        command.AppendVectorArgument(d);
        command.AppendArgumentValue(address);
    }

    private static void GenerateCopyAsync16(PTXBackend backend, PTXCodeGenerator generator, Value value)
    {
        var shared = Address(generator, value[0], MemoryAddressSpace.Shared);
        var global = Address(generator, value[1], MemoryAddressSpace.Global);
        using var command = generator.BeginCommand("cp.async.cg.shared.global");
        command.AppendArgumentValue(shared);
        command.AppendArgumentValue(global);
        command.AppendConstant(16);
    }

    private static void GenerateCopyAsync16ZeroFill(PTXBackend backend, PTXCodeGenerator generator, Value value)
    {
        var shared = Address(generator, value[0], MemoryAddressSpace.Shared);
        var global = Address(generator, value[1], MemoryAddressSpace.Global);
        var bytes = Hardware(generator, value[2]);
        using var command = generator.BeginCommand("cp.async.cg.shared.global");
        command.AppendArgumentValue(shared);
        command.AppendArgumentValue(global);
        command.AppendConstant(16);
        command.AppendArgument(bytes);
    }

    private static void GenerateCopyAsync4ZeroFill(PTXBackend backend, PTXCodeGenerator generator, Value value)
    {
        var shared = Address(generator, value[0], MemoryAddressSpace.Shared);
        var global = Address(generator, value[1], MemoryAddressSpace.Global);
        var bytes = Hardware(generator, value[2]);
        using var command = generator.BeginCommand("cp.async.ca.shared.global");
        command.AppendArgumentValue(shared);
        command.AppendArgumentValue(global);
        command.AppendConstant(4);
        command.AppendArgument(bytes);
    }

    private static void GenerateCommitGroup(PTXBackend backend, PTXCodeGenerator generator, Value value) =>
        generator.Command("cp.async.commit_group");

    private static void GenerateWaitGroup(PTXBackend backend, PTXCodeGenerator generator, Value value)
    {
        // The count is an immediate in PTX: the argument must fold to a constant.
        if (generator.LoadPrimitive(value[0]) is not RegisterAllocator<PTXRegisterKind>.ConstantRegister pending)
        {
            throw new NotSupportedException("MatrixUnits.WaitGroup needs a compile-time constant count.");
        }

        using var command = generator.BeginCommand("cp.async.wait_group");
        command.AppendArgument(pending);
    }

    private static void GeneratePackBf16(PTXBackend backend, PTXCodeGenerator generator, Value value) =>
        EmitPack(generator, value, "cvt.rn.bf16x2.f32");

    private static void GeneratePackF16(PTXBackend backend, PTXCodeGenerator generator, Value value) =>
        EmitPack(generator, value, "cvt.rn.f16x2.f32");

    // cvt.rn.*x2.f32 d, a, b puts a in the upper half: the high float goes first.
    private static void EmitPack(PTXCodeGenerator generator, Value value, string instruction)
    {
        var low = Hardware(generator, value[0]);
        var high = Hardware(generator, value[1]);
        var target = generator.AllocateHardware(value);
        using var command = generator.BeginCommand(instruction);
        command.AppendArgument(target);
        command.AppendArgument(high);
        command.AppendArgument(low);
    }

    private static void GenerateExp2(PTXBackend backend, PTXCodeGenerator generator, Value value)
    {
        var x = Hardware(generator, value[0]);
        var target = generator.AllocateHardware(value);
        using var command = generator.BeginCommand("ex2.approx.ftz.f32");
        command.AppendArgument(target);
        command.AppendArgument(x);
    }

    private static RegisterAllocator<PTXRegisterKind>.HardwareRegister Hardware(PTXCodeGenerator generator, Value value) =>
        generator.EnsureHardwareRegister(generator.LoadPrimitive(value));

    // ILGPU infers the address space of a pointer only at O2; a generic pointer is converted here so that the
    // instruction's state space (.shared / .global) is always right.
    private static RegisterAllocator<PTXRegisterKind>.HardwareRegister Address(PTXCodeGenerator generator, Value pointer, MemoryAddressSpace space)
    {
        var register = Hardware(generator, pointer);
        var actual = pointer.Type is AddressSpaceType typed ? typed.AddressSpace : MemoryAddressSpace.Generic;
        if (actual == space)
        {
            return register;
        }

        if (actual != MemoryAddressSpace.Generic)
        {
            throw new NotSupportedException($"MatrixUnits expected a {space} or generic pointer, not a {actual} one.");
        }

        var converted = generator.AllocatePlatformRegister(out _);
        using (var command = generator.BeginCommand(space == MemoryAddressSpace.Shared ? "cvta.to.shared.u64" : "cvta.to.global.u64"))
        {
            command.AppendArgument(converted);
            command.AppendArgument(register);
        }

        return converted;
    }
}
