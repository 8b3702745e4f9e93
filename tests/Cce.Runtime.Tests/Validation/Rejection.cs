using Cce.Runtime.Tests.Losses;

namespace Cce.Runtime.Tests.Validation;

/// <summary>The SPEC §5 contract every rejected call is held to.</summary>
internal static class Rejection
{
    /// <summary>
    /// Asserts that <paramref name="call"/> throws exactly <typeparamref name="TException"/> naming <paramref name="parameter"/>,
    /// with a message holding each of <paramref name="fragments"/> (the expected and the actual value); that dH and dW of
    /// <paramref name="batch"/> were not written; and that <paramref name="loss"/> still computes the reference afterwards.
    /// </summary>
    public static TException Assert<TException>(
        CatalogLoss<float, float> loss, TestBatch batch, Action call, string parameter, params string[] fragments)
        where TException : ArgumentException
    {
        batch.Poison();
        TException exception = Xunit.Assert.Throws<TException>(call);
        Xunit.Assert.Equal(parameter, exception.ParamName);
        foreach (string fragment in fragments)
        {
            Xunit.Assert.Contains(fragment, exception.Message, StringComparison.Ordinal);
        }

        batch.AssertPoisonIntact();
        batch.AssertComputesReference(loss);
        return exception;
    }
}
