using ILGPU.Runtime;

namespace Cce;

/// <summary>Host-side checks of SPEC §5 that need no device data: shapes, devices, scalars.</summary>
internal static class InputValidation
{
    public static void Tensor<T>(CceTensor<T> tensor, CceDevice device, string name)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(tensor, name);
        device.ThrowIfDisposed(name);
        if (tensor.IsDisposed || tensor.Device.IsDisposed)
        {
            tensor.ThrowIfUnusable(name);
        }

        if (tensor.StaleReason is string stale)
        {
            throw new ArgumentException($"Expected {name} to be a current loss result or a tensor of its own; {stale}", name);
        }

        if (!ReferenceEquals(tensor.Device, device))
        {
            // Two device objects can print the same name (two CPU accelerators, two handles on one GPU): number them.
            throw new ArgumentException($"Expected {name} on device {device.Describe()}; got a tensor on another device, {tensor.Device.Describe()}.", name);
        }

        long address = tensor.View.LoadEffectiveAddressAsPtr().ToInt64();
        if (address % 16 != 0)
        {
            throw new ArgumentException($"Expected {name} to start on a 16-byte boundary for vector loads; got an address {address % 16} bytes past one.", name);
        }
    }

    public static void Matrix<T>(CceTensor<T> tensor, CceDevice device, string name, int expectedRows, int expectedCols)
        where T : unmanaged
    {
        Tensor(tensor, device, name);
        if (tensor.Rows != expectedRows || tensor.Cols != expectedCols)
        {
            throw new ArgumentException($"Expected {name} of shape [{expectedRows}, {expectedCols}]; got [{tensor.Rows}, {tensor.Cols}].", name);
        }
    }

    public static void Vector<T>(CceTensor<T> tensor, CceDevice device, string name, long expectedLength)
        where T : unmanaged
    {
        Tensor(tensor, device, name);
        if (tensor.Length != expectedLength)
        {
            throw new ArgumentException($"Expected {name} with {expectedLength} elements; got [{tensor.Rows}, {tensor.Cols}] = {tensor.Length}.", name);
        }
    }

    public static int Rows<T>(CceTensor<T> hidden, CceDevice device, int hiddenSize)
        where T : unmanaged
    {
        Tensor(hidden, device, nameof(hidden));
        if (hidden.Cols != hiddenSize)
        {
            throw new ArgumentException($"Expected hidden of shape [N, {hiddenSize}] (the declared hidden size); got [{hidden.Rows}, {hidden.Cols}].", nameof(hidden));
        }

        if (hidden.Rows < 1)
        {
            throw new ArgumentException($"Expected hidden with at least one row; got [{hidden.Rows}, {hidden.Cols}].", nameof(hidden));
        }

        return hidden.Rows;
    }

    public static int Catalog<T>(CceTensor<T> items, CceDevice device, LossDescription description)
        where T : unmanaged
    {
        Tensor(items, device, nameof(items));
        if (items.Cols != description.HiddenSize || items.Rows < 1)
        {
            throw new ArgumentException($"Expected items of shape [V, {description.HiddenSize}] with V >= 1; got [{items.Rows}, {items.Cols}].", nameof(items));
        }

        if (description.Correction == LogQCorrection.Paper && items.Rows < 2)
        {
            throw new ArgumentException($"Expected at least 2 items for the Paper correction log(V-1) - log(K+1); got V = {items.Rows}.", nameof(items));
        }

        return items.Rows;
    }

    public static void Upstream(float upstream)
    {
        if (!float.IsFinite(upstream))
        {
            throw new ArgumentOutOfRangeException(nameof(upstream), upstream, "Expected a finite upstream gradient.");
        }
    }
}
