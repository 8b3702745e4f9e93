using System.Reflection;
using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Backends;
using ILGPU.Backends.PTX;
using ILGPU.IR;
using ILGPU.IR.Intrinsics;
using ILGPU.IR.Types;
using ILGPU.IR.Values;
using CompoundRegister = ILGPU.Backends.RegisterAllocator<ILGPU.Backends.PTX.PTXRegisterKind>.CompoundRegister;
using ConstantRegister = ILGPU.Backends.RegisterAllocator<ILGPU.Backends.PTX.PTXRegisterKind>.ConstantRegister;
using HardwareRegister = ILGPU.Backends.RegisterAllocator<ILGPU.Backends.PTX.PTXRegisterKind>.HardwareRegister;
using PrimitiveRegister = ILGPU.Backends.RegisterAllocator<ILGPU.Backends.PTX.PTXRegisterKind>.PrimitiveRegister;

namespace Cce.Kernels;

/// <summary>
/// Hopper's warpgroup matrix instructions (<c>wgmma.mma_async</c>, PTX target sm_90a) as ILGPU custom intrinsics,
/// registered on every context beside <see cref="MatrixUnits"/>. A warpgroup is four consecutive warps (128 threads,
/// the first warp's index a multiple of four); one instruction multiplies a 64-row A (from shared memory by descriptor,
/// or from registers) by an N-column B read from shared memory by descriptor, into fp32 accumulators that stay in the
/// threads' registers. Kernels built from them load only through <c>Sm90aKernelLoader</c>, which re-targets their PTX;
/// there is no CPU emulation: every C# body throws.
/// </summary>
/// <remarks>
/// <para>Accumulators are a struct of N / 2 floats per thread, whatever its nesting (the kernels use fields of
/// <see cref="MmaF32x4"/>, one per n8 column tile: thread (warp w, g, t) holds rows 16w + g and 16w + g + 8, columns
/// 8i + 2t and 8i + 2t + 1 of tile i — the m16n8 C fragment of <see cref="MatrixUnits"/>); the instruction's N is read
/// from the struct's size. The instruction reads and writes its accumulators in place, so the generator binds the result
/// to the input's registers whenever nothing reads the old value afterwards: copying them first (32 to 128 moves between
/// the fence and the instruction) makes ptxas wait for every instruction to finish before the next one issues.</para>
/// <para>ILGPU's O2 code placement moves a value to just before its first use and keeps void calls at the start of their
/// block, so the fence, commit and wait are data-threaded: each takes a value and returns it in the same registers,
/// placing the instructions that produce it before, and those that use it after. A kernel must never read an
/// accumulator's old value after an instruction that overwrote it in place.</para>
/// </remarks>
public static class WarpGroupUnits
{
    /// <summary>Threads of a warpgroup.</summary>
    public const int Threads = 128;

    /// <summary>
    /// The layout bits of a descriptor of a K-major operand in the 128-byte swizzle: rows of 128 bytes (64 16-bit
    /// elements of K), 8-row groups 1024 bytes apart (the stride field), 1024-byte aligned (base offset 0).
    /// </summary>
    public const ulong KMajorLayout = (1UL << 62) | ((1024UL >> 4) << 32) | ((16UL >> 4) << 16);

    private const string NeedsHopper = "wgmma needs an NVIDIA Hopper GPU (sm_90a): warpgroup kernels never run on ILGPU's CPU accelerator.";

    private static readonly (string Method, string Generator)[] Table =
    {
        (nameof(MmaSharedF16), nameof(GenerateMmaSharedF16)),
        (nameof(MmaSharedBf16), nameof(GenerateMmaSharedBf16)),
        (nameof(MmaRegistersF16), nameof(GenerateMmaRegistersF16)),
        (nameof(MmaRegistersBf16), nameof(GenerateMmaRegistersBf16)),
        (nameof(Fence), nameof(GenerateFence)),
        (nameof(FenceAfter), nameof(GenerateFence)),
        (nameof(Commit), nameof(GenerateCommit)),
        (nameof(Wait), nameof(GenerateWait)),
        (nameof(FenceProxyAsync), nameof(GenerateFenceProxyAsync)),
        (nameof(SharedAddressOf), nameof(GenerateSharedAddress)),
        (nameof(Any), nameof(GenerateAny)),
    };

    /// <summary>Registers the PTX code generators of the intrinsics on <paramref name="context"/>; call it once, before the first kernel compiles.</summary>
    public static void Register(Context context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var manager = context.GetIntrinsicManager();
        foreach (var (method, generator) in Table)
        {
            var target = typeof(WarpGroupUnits).GetMethod(method, BindingFlags.Public | BindingFlags.Static)
                ?? throw new MissingMethodException(nameof(WarpGroupUnits), method);
            manager.RegisterMethod(target, new PTXIntrinsic(typeof(WarpGroupUnits), generator, IntrinsicImplementationMode.GenerateCode));
        }
    }

    // ------------------------------------------------------------------ descriptors

    /// <summary>
    /// The layout bits of a descriptor of an MN-major operand (B read transposed) in the 128-byte swizzle: 8-row groups
    /// of K 1024 bytes apart, the 64-element atoms along N <paramref name="atomBytes"/> apart.
    /// </summary>
    /// <param name="atomBytes">Bytes between two 64-column blocks of the tile: its rows times 128.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MnMajorLayout(int atomBytes) => (1UL << 62) | ((1024UL >> 4) << 32) | ((ulong)((atomBytes >> 4) & 0x3FFF) << 16);

    /// <summary>A matrix descriptor: <paramref name="layout"/> with the start address field set to <paramref name="address"/> (a shared-window byte address, 16-byte aligned).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Descriptor(ulong layout, uint address) => layout | ((address & 0x3FFFFu) >> 4);

    /// <summary>The shared-window byte address of element <paramref name="index"/> of <paramref name="shared"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint SharedAddress(ArrayView<U4> shared, int index) => SharedAddressOf(ref shared[index]);

    // ------------------------------------------------------------------ wgmma.mma_async

    /// <summary>
    /// <c>wgmma.mma_async.sync.aligned.m64nNk16.f32.f16.f16</c>: d = A · B (+ d when <paramref name="accumulate"/>), A
    /// (64 x 16) and B (16 x N) both K-major in shared memory by descriptor; N = 2 x the floats of <typeparamref name="TAccumulators"/>.
    /// Issue it between <see cref="Fence{T}"/> and <see cref="Commit{T}"/>.
    /// </summary>
    [IntrinsicImplementation]
    public static TAccumulators MmaSharedF16<TAccumulators>(TAccumulators d, ulong a, ulong b, bool accumulate)
        where TAccumulators : struct => throw new NotSupportedException(NeedsHopper);

    /// <summary>As <see cref="MmaSharedF16{TAccumulators}"/> for bf16 inputs.</summary>
    [IntrinsicImplementation]
    public static TAccumulators MmaSharedBf16<TAccumulators>(TAccumulators d, ulong a, ulong b, bool accumulate)
        where TAccumulators : struct => throw new NotSupportedException(NeedsHopper);

    /// <summary>
    /// <c>wgmma.mma_async.sync.aligned.m64nNk16.f32.f16.f16</c> with A from registers (the m16n8k16 A fragment of the
    /// thread's warp: warp w of the warpgroup holds rows 16w..16w + 15) and B MN-major (read transposed) by descriptor.
    /// </summary>
    [IntrinsicImplementation]
    public static TAccumulators MmaRegistersF16<TAccumulators>(TAccumulators d, uint a0, uint a1, uint a2, uint a3, ulong b, bool accumulate)
        where TAccumulators : struct => throw new NotSupportedException(NeedsHopper);

    /// <summary>As <see cref="MmaRegistersF16{TAccumulators}"/> for bf16 inputs.</summary>
    [IntrinsicImplementation]
    public static TAccumulators MmaRegistersBf16<TAccumulators>(TAccumulators d, uint a0, uint a1, uint a2, uint a3, ulong b, bool accumulate)
        where TAccumulators : struct => throw new NotSupportedException(NeedsHopper);

    // ------------------------------------------------------------------ ordering, data-threaded

    /// <summary><c>wgmma.fence.sync.aligned</c> after whatever produced <paramref name="value"/>; returns it (feed it to the first instruction of a chain).</summary>
    [IntrinsicImplementation]
    public static T Fence<T>(T value)
        where T : struct => throw new NotSupportedException(NeedsHopper);

    /// <summary>
    /// <c>wgmma.fence.sync.aligned</c> after whatever produced <paramref name="value"/> and <paramref name="after"/> (the A
    /// fragments of the chain it starts, or values converted from the old contents of the accumulators it will overwrite); returns <paramref name="value"/>.
    /// </summary>
    [IntrinsicImplementation]
    public static T FenceAfter<T, TAfter>(T value, TAfter after)
        where T : struct
        where TAfter : struct => throw new NotSupportedException(NeedsHopper);

    /// <summary><c>wgmma.commit_group.sync.aligned</c> after the chain that produced <paramref name="value"/>; returns it.</summary>
    [IntrinsicImplementation]
    public static T Commit<T>(T value)
        where T : struct => throw new NotSupportedException(NeedsHopper);

    /// <summary><c>wgmma.wait_group.sync.aligned</c> <paramref name="pending"/> (a constant); returns <paramref name="value"/>, which is then safe to read.</summary>
    [IntrinsicImplementation]
    public static T Wait<T>(T value, int pending)
        where T : struct => throw new NotSupportedException(NeedsHopper);

    /// <summary><c>fence.proxy.async.shared::cta</c>: this thread's ordinary and cp.async writes to shared memory become visible to wgmma's reads (before the barrier that publishes them).</summary>
    [IntrinsicImplementation]
    public static void FenceProxyAsync() => throw new NotSupportedException(NeedsHopper);

    /// <summary>The shared-window byte address of a shared-memory element (<c>cvt.u32.u64</c> of its shared pointer).</summary>
    [IntrinsicImplementation]
    public static uint SharedAddressOf(ref U4 element) => throw new NotSupportedException(NeedsHopper);

    /// <summary>
    /// <c>bar.red.or.pred</c> on named barrier <paramref name="barrier"/> (1 to 15; 0 is the group's) over
    /// the 128 threads of the warpgroup: whether <paramref name="value"/> holds for any of them.
    /// </summary>
    [IntrinsicImplementation]
    public static bool Any(bool value, int barrier) => throw new NotSupportedException(NeedsHopper);

    // ------------------------------------------------------------------ PTX code generators

    private static void GenerateMmaSharedF16(PTXBackend backend, PTXCodeGenerator generator, Value value) => EmitMma(generator, value, "f16", registersA: false);

    private static void GenerateMmaSharedBf16(PTXBackend backend, PTXCodeGenerator generator, Value value) => EmitMma(generator, value, "bf16", registersA: false);

    private static void GenerateMmaRegistersF16(PTXBackend backend, PTXCodeGenerator generator, Value value) => EmitMma(generator, value, "f16", registersA: true);

    private static void GenerateMmaRegistersBf16(PTXBackend backend, PTXCodeGenerator generator, Value value) => EmitMma(generator, value, "bf16", registersA: true);

    // SS: d, a-desc, b-desc, scale-d, imm-scale-a, imm-scale-b, imm-trans-a, imm-trans-b (both K-major).
    // RS: d, {a0..a3}, b-desc, scale-d, imm-scale-a, imm-scale-b, imm-trans-b (B MN-major).
    private static void EmitMma(PTXCodeGenerator generator, Value value, string element, bool registersA)
    {
        // Every register is resolved before the command starts: resolving a constant emits a mov.
        PrimitiveRegister[] d = Accumulators(generator, value);
        HardwareRegister[] a = registersA
            ? [Hardware(generator, value[1]), Hardware(generator, value[2]), Hardware(generator, value[3]), Hardware(generator, value[4])]
            : [Hardware(generator, value[1])];
        int next = registersA ? 5 : 2;
        HardwareRegister b = Hardware(generator, value[next]);
        HardwareRegister accumulate = Hardware(generator, value[next + 1]);
        using var command = generator.BeginCommand(FormattableString.Invariant($"wgmma.mma_async.sync.aligned.m64n{2 * d.Length}k16.f32.{element}.{element}"));
        command.AppendVectorArgument(d);
        if (registersA)
        {
            command.AppendVectorArgument(a);
        }
        else
        {
            command.AppendArgument(a[0]);
        }

        command.AppendArgument(b);
        command.AppendArgument(accumulate);
        command.AppendConstant(1);
        command.AppendConstant(1);
        if (!registersA)
        {
            command.AppendConstant(0);
        }

        command.AppendConstant(registersA ? 1 : 0);
    }

    /// <summary>The instruction's accumulator registers: the input's own when it may be overwritten in place, else fresh registers holding a copy.</summary>
    private static PrimitiveRegister[] Accumulators(PTXCodeGenerator generator, Value value)
    {
        Value source = value[0].Resolve();
        var input = (CompoundRegister)generator.Load(source);
        PrimitiveRegister[] inputs = input.SliceAs<PrimitiveRegister>(0, input.NumChildren).ToArray();
        if (inputs.Length is < 4 or > 128 || inputs.Length % 4 != 0)
        {
            throw new NotSupportedException($"WarpGroupUnits: {inputs.Length} accumulators per thread is no wgmma shape (N = 2 x that must be a multiple of 8 up to 256).");
        }

        if (CanOverwrite(source) && inputs.All(r => r is HardwareRegister) && inputs.Cast<HardwareRegister>().Select(r => ((int)r.Kind << 24) | r.RegisterValue).Distinct().Count() == inputs.Length)
        {
            generator.Bind(value, input);
            return inputs;
        }

        var output = (CompoundRegister)generator.Allocate(value);
        PrimitiveRegister[] outputs = output.SliceAs<PrimitiveRegister>(0, output.NumChildren).ToArray();
        for (int i = 0; i < inputs.Length; i++)
        {
            generator.Move(generator.EnsureHardwareRegister(inputs[i]), (HardwareRegister)outputs[i]);
        }

        return outputs;
    }

    // ILGPU lowers structures: the accumulator argument is a call's result, or a structure built from one value per field
    // (a field of a call's result, a phi of a loop or a branch, or any other float). Its registers may be overwritten when
    // nothing else reads them: a phi (the kernels never read a loop's old accumulators after overwriting them), a call
    // result used only here, or fields each used only by this structure. Constants (default) are copied.
    private static bool CanOverwrite(Value source)
    {
        if (source is PhiValue)
        {
            return true;
        }

        if (source is MethodCall)
        {
            return source.Uses.HasExactlyOne;
        }

        if (source is not StructureValue structure || !structure.Uses.HasExactlyOne)
        {
            return false;
        }

        foreach (ValueReference reference in structure.Nodes)
        {
            Value field = reference.Resolve();
            if (field is PhiValue)
            {
                continue;
            }

            if (field is PrimitiveValue || field is NullValue || !field.Uses.HasExactlyOne)
            {
                return false;
            }

            if (field is GetField getField && getField.ObjectValue.Resolve() is MethodCall call)
            {
                foreach (Use use in call.Uses)
                {
                    if (use.Resolve() is not GetField other || !other.Uses.TryGetSingleUse(out Use otherUse) || otherUse.Resolve() != structure)
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    private static void GenerateFence(PTXBackend backend, PTXCodeGenerator generator, Value value)
    {
        generator.Command("wgmma.fence.sync.aligned");
        PassThrough(generator, value);
    }

    private static void GenerateCommit(PTXBackend backend, PTXCodeGenerator generator, Value value)
    {
        generator.Command("wgmma.commit_group.sync.aligned");
        PassThrough(generator, value);
    }

    private static void GenerateWait(PTXBackend backend, PTXCodeGenerator generator, Value value)
    {
        using (var command = generator.BeginCommand("wgmma.wait_group.sync.aligned"))
        {
            command.AppendConstant(Constant(generator, value[1], "WarpGroupUnits.Wait"));
        }

        PassThrough(generator, value);
    }

    /// <summary>The call's result is its first argument, in the same registers: no instruction.</summary>
    private static void PassThrough(PTXCodeGenerator generator, Value value) => generator.Bind(value, generator.Load(value[0].Resolve()));

    private static void GenerateFenceProxyAsync(PTXBackend backend, PTXCodeGenerator generator, Value value) =>
        generator.Command("fence.proxy.async.shared::cta");

    private static void GenerateSharedAddress(PTXBackend backend, PTXCodeGenerator generator, Value value)
    {
        HardwareRegister address = SharedPointer(generator, value[0]);
        HardwareRegister target = generator.AllocateHardware(value);
        using var command = generator.BeginCommand("cvt.u32.u64");
        command.AppendArgument(target);
        command.AppendArgument(address);
    }

    private static void GenerateAny(PTXBackend backend, PTXCodeGenerator generator, Value value)
    {
        HardwareRegister predicate = Hardware(generator, value[0]);
        HardwareRegister barrier = Hardware(generator, value[1]);
        HardwareRegister target = generator.AllocateHardware(value);
        using var command = generator.BeginCommand("bar.red.or.pred");
        command.AppendArgument(target);
        command.AppendArgument(barrier);
        command.AppendConstant(Threads);
        command.AppendArgument(predicate);
    }

    private static int Constant(PTXCodeGenerator generator, Value value, string what) =>
        generator.LoadPrimitive(value) is ConstantRegister constant
            ? constant.Value.Int32Value
            : throw new NotSupportedException($"{what} needs a compile-time constant.");

    private static HardwareRegister Hardware(PTXCodeGenerator generator, Value value) =>
        generator.EnsureHardwareRegister(generator.LoadPrimitive(value));

    // ILGPU infers address spaces only at O2: a generic pointer is converted, so the address is always a shared one.
    private static HardwareRegister SharedPointer(PTXCodeGenerator generator, Value pointer)
    {
        HardwareRegister register = Hardware(generator, pointer);
        MemoryAddressSpace actual = pointer.Type is AddressSpaceType typed ? typed.AddressSpace : MemoryAddressSpace.Generic;
        if (actual == MemoryAddressSpace.Shared)
        {
            return register;
        }

        if (actual != MemoryAddressSpace.Generic)
        {
            throw new NotSupportedException($"WarpGroupUnits expected a shared or generic pointer, not a {actual} one.");
        }

        HardwareRegister converted = generator.AllocatePlatformRegister(out _);
        using var command = generator.BeginCommand("cvta.to.shared.u64");
        command.AppendArgument(converted);
        command.AppendArgument(register);
        return converted;
    }
}
