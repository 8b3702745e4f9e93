using Cce.Verification;
using Xunit;

namespace Cce.Runtime.Tests.Verification;

/// <summary>The measures behind every tolerance: plain relative error, and relative error beyond output rounding.</summary>
public sealed class ErrorMeasuresTests
{
    [Fact]
    public void Fp16SubnormalRoundingIsNoErrorBeyondRounding()
    {
        // A mean over a large batch gives dH around 1e-6: fp16 subnormals, spaced 2^-24 apart.
        double[] expected = [.. Enumerable.Range(1, 256).Select(i => 1e-6 * (1 + (i % 7) / 7.0) * (i % 2 == 0 ? 1 : -1))];
        double[] stored = [.. expected.Select(v => (double)(Half)v)];

        Assert.True(ErrorMeasures.Relative(stored, expected) > 1e-3);
        Assert.Equal(0, ErrorMeasures.RelativeBeyondRounding(stored, expected, ElementType.Float16));
    }

    [Fact]
    public void ARealErrorRemainsBeyondRounding()
    {
        double[] expected = [.. Enumerable.Range(1, 64).Select(i => 0.25 + (i / 64.0))];
        double[] wrong = [.. expected.Select(v => v * 1.01)];

        double error = ErrorMeasures.RelativeBeyondRounding(wrong, expected, ElementType.Float16);

        Assert.InRange(error, 0.008, 0.01);
        Assert.True(error > Tolerance.For(new LossDescription(NegativeScheme.UniformPerRow, 3, 8, ElementType.Float16, LogQCorrection.None, LossReduction.Mean, -100, GradientPrecision.Input)).GradHidden);
    }

    [Fact]
    public void NonFiniteOutputsAndMismatchedLengthsAreNaN()
    {
        Assert.True(double.IsNaN(ErrorMeasures.RelativeBeyondRounding([double.NaN], [1.0], ElementType.Float32)));
        Assert.True(double.IsNaN(ErrorMeasures.RelativeBeyondRounding([1.0, 2.0], [1.0], ElementType.Float32)));
        Assert.True(double.IsNaN(ErrorMeasures.Relative([double.PositiveInfinity], [1.0])));
    }

    [Fact]
    public void ToleranceChecksNameTheFirstQuantityOutOfBounds()
    {
        var tolerance = new Tolerance(1e-5, 1e-5, 1e-4, 1e-4);

        Assert.Null(tolerance.Check(1e-6, null, 1e-5, null));
        Assert.StartsWith("dH error", tolerance.Check(1e-6, null, 1e-3, 1e-3), StringComparison.Ordinal);
        Assert.StartsWith("loss error", tolerance.Check(double.NaN, null, null, null), StringComparison.Ordinal);
    }
}
