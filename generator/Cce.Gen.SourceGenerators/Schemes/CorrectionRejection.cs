namespace Cce.Gen.SourceGenerators.Schemes;

/// <summary>Why a scheme cannot honour a declared <c>LogQCorrection</c>, in the words of diagnostic CCE0006.</summary>
/// <param name="Reason">Completes "Correction = X, which …".</param>
/// <param name="Expected">The corrections the scheme accepts, as "expected …" lists them.</param>
internal sealed record CorrectionRejection(string Reason, string Expected);
