using Cce.Tuning.Cache;

namespace Cce.Cli.Reports;

/// <summary>The JSON form of <c>cce cache explain</c>.</summary>
/// <param name="Environment">The environment looked up.</param>
/// <param name="Loss">The loss description looked up.</param>
/// <param name="Candidates">The candidate list looked up, or null for any.</param>
/// <param name="Bucket">The shape bucket looked up.</param>
/// <param name="Explanation">Hit or miss and the nearest entries.</param>
internal sealed record CacheExplainReport(TuningEnvironment Environment, string Loss, IReadOnlyList<KernelTile>? Candidates, ShapeBucket Bucket, CacheExplanation Explanation);
