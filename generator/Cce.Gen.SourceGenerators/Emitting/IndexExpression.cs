using System.Collections.Generic;
using System.Text;
using static Cce.Gen.SourceGenerators.Emitting.InvariantText;

namespace Cce.Gen.SourceGenerators.Emitting;

/// <summary>
/// An integer expression of generated code, a sum of scaled terms plus a constant, folded as it is built: the
/// constants the emitter knows are multiplied and added here, so no <c>+ 0</c>, <c>* 1</c> or <c>0 * 32</c> reaches
/// the output. <c>(subLane + 32) * 2 + 1</c> becomes <c>subLane * 2 + 65</c>, and chunk 0 of a lane is plain
/// <c>subLane</c>.
/// </summary>
/// <remarks>
/// Terms are atoms of the generated code (<c>subLane</c>, <c>(long)row</c>, <c>ILGPU::Grid.IdxX</c>): names, casts
/// of names and member accesses, which bind tighter than <c>*</c>. Only integer index arithmetic goes through here,
/// where the folded and the unfolded forms compute the same value (two's complement arithmetic is distributive), so
/// the kernels' floating-point operations are untouched.
/// </remarks>
internal sealed class IndexExpression
{
    private readonly List<(string Term, int Scale)> terms;

    private IndexExpression(List<(string Term, int Scale)> terms, int constant)
    {
        this.terms = terms;
        Constant = constant;
    }

    /// <summary>The constant part.</summary>
    public int Constant { get; }

    /// <summary>Whether the expression prints as more than one operand, so needs parentheses as the operand of a tighter or looser operator.</summary>
    public bool IsCompound => terms.Count + (Constant != 0 || terms.Count == 0 ? 1 : 0) > 1;

    /// <summary>The expression, in parentheses when compound: ready to be an operand of <c>&gt;&gt;</c>, <c>&amp;</c> or <c>*</c>.</summary>
    public string Grouped => IsCompound ? "(" + this + ")" : ToString();

    /// <summary>One term, <paramref name="term"/> · <paramref name="scale"/>.</summary>
    public static IndexExpression Of(string term, int scale = 1) =>
        new(scale == 0 ? new List<(string, int)>() : new List<(string, int)> { (term, scale) }, 0);

    /// <summary>A constant.</summary>
    public static IndexExpression Literal(int value) => new(new List<(string, int)>(), value);

    public static IndexExpression operator +(IndexExpression left, int right) => new(left.terms, left.Constant + right);

    public static IndexExpression operator +(IndexExpression left, IndexExpression right)
    {
        var sum = new List<(string, int)>(left.terms);
        sum.AddRange(right.terms);
        return new(sum, left.Constant + right.Constant);
    }

    /// <summary>Scales every term and the constant: the product distributed, so its constants fold too.</summary>
    public static IndexExpression operator *(IndexExpression left, int factor)
    {
        var scaled = new List<(string, int)>();
        if (factor != 0)
        {
            foreach ((string term, int scale) in left.terms)
            {
                scaled.Add((term, scale * factor));
            }
        }

        return new(scaled, left.Constant * factor);
    }

    /// <summary><c>this &gt;&gt; bits</c>, or the expression itself for a shift by 0.</summary>
    public string ShiftedRight(int bits) => bits == 0 ? ToString() : Invariant($"{Grouped} >> {bits}");

    /// <summary><c>this &amp; mask</c>, or <c>0</c> for an empty mask.</summary>
    public string Masked(int mask) => mask == 0 ? "0" : Invariant($"{Grouped} & {mask}");

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach ((string term, int scale) in terms)
        {
            text.Append(text.Length == 0 ? string.Empty : " + ").Append(term);
            if (scale != 1)
            {
                text.Append(Invariant($" * {scale}"));
            }
        }

        if (text.Length == 0)
        {
            return Invariant($"{Constant}");
        }

        if (Constant != 0)
        {
            text.Append(Constant > 0 ? Invariant($" + {Constant}") : Invariant($" - {-(long)Constant}"));
        }

        return text.ToString();
    }
}
