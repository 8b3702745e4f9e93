namespace Cce;

/// <summary>
/// Code that needs a loss's element types (to upload inputs, read gradients) without knowing them at compile time:
/// <see cref="CatalogLoss.Accept{TResult}"/> calls it back with the typed loss.
/// </summary>
/// <typeparam name="TResult">What the visit returns.</typeparam>
public interface ICatalogLossVisitor<out TResult>
{
    /// <summary>Called with the loss, typed.</summary>
    /// <typeparam name="TElement">Element type of H and W.</typeparam>
    /// <typeparam name="TGrad">Element type of dH.</typeparam>
    TResult Visit<TElement, TGrad>(CatalogLoss<TElement, TGrad> loss)
        where TElement : unmanaged
        where TGrad : unmanaged;
}
