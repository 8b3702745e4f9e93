using Cce.Runtime.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Losses;

/// <summary>
/// One loss object used from several threads: each call either computes its own batch's reference or is rejected
/// with InvalidOperationException — never a wrong loss, never a crash. Batches of different N make a mixed-up call
/// visible (and used to abort the process).
/// </summary>
[Collection("cpu")]
public sealed class ConcurrencyTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    private const int Threads = 3;
    private const int CallsPerThread = 12;

    [Fact]
    public void ConcurrentCallsAreCorrectOrRejectedNeverMixed()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(fixture.Device);
        var data = new RandomData(output);
        TestBatch[] batches = [.. Enumerable.Range(0, Threads).Select(t => new TestBatch(fixture.Device, loss.Description, data, rows: 9 + (6 * t)))];
        try
        {
            int completed = 0, rejected = 0;
            var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
            using var start = new Barrier(Threads);
            Thread[] threads = [.. batches.Select((batch, t) => new Thread(() =>
            {
                start.SignalAndWait();
                for (int i = 0; i < CallsPerThread; i++)
                {
                    try
                    {
                        LossResult result = loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.GradHidden, batch.GradItems);
                        double expected = batch.Reference.Loss;
                        if (!(Math.Abs(result.Loss - expected) <= 1e-5 * Math.Max(1, Math.Abs(expected))))
                        {
                            failures.Enqueue($"thread {t}, call {i}: loss {result.Loss}, reference {expected}");
                        }

                        Interlocked.Increment(ref completed);
                    }
                    catch (InvalidOperationException e) when (e.Message.Contains("one call at a time", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref rejected);
                    }
                    catch (Exception e)
                    {
                        failures.Enqueue($"thread {t}, call {i}: {e.GetType().Name}: {e.Message}");
                    }
                }
            }))];
            foreach (Thread thread in threads)
            {
                thread.Start();
            }

            foreach (Thread thread in threads)
            {
                thread.Join();
            }

            output.WriteLine($"{completed} calls completed, {rejected} rejected as concurrent");
            Assert.Empty(failures);
            Assert.Equal(Threads * CallsPerThread, completed + rejected);
            Assert.True(completed > 0);

            // The object is still usable afterwards.
            foreach (TestBatch batch in batches)
            {
                batch.AssertComputesReference(loss);
            }
        }
        finally
        {
            foreach (TestBatch batch in batches)
            {
                batch.Dispose();
            }
        }
    }
}
