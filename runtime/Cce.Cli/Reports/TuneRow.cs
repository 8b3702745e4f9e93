namespace Cce.Cli.Reports;

/// <summary>One (loss, shape) that <c>cce tune</c> warmed, for its table.</summary>
/// <param name="Loss">The loss's simple type name.</param>
/// <param name="Rows">Rows N asked for.</param>
/// <param name="Catalog">Catalog size V asked for.</param>
/// <param name="DefaultTile">The generator's default candidate.</param>
/// <param name="Report">What the tuner did.</param>
internal sealed record TuneRow(string Loss, int Rows, int Catalog, KernelTile DefaultTile, TuningReport Report);
