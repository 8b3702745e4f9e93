using System.Diagnostics;
using System.Globalization;
using Cce;
using QuickStart;

// A synthetic batch: 4096 positions, hidden size 64, a 50 000-item catalog, 5% padding rows.
int Rows = int.Parse(Environment.GetEnvironmentVariable("QS_ROWS") ?? "4096"); const int Hidden = 64, Catalog = 50_000;
var random = new Random(2025);
float[] hidden = RandomMatrix(random, Rows, Hidden);
float[] items = RandomMatrix(random, Catalog, Hidden);
int[] targets = new int[Rows];
for (int n = 0; n < Rows; n++)
{
    targets[n] = random.NextDouble() < 0.05 ? -100 : random.Next(Catalog);
}

using CceDevice device = CceDevice.OpenDefault();
Console.WriteLine($"device:      {device} — {device.Fingerprint.Describe()}");

using QuickStartLoss loss = QuickStartLoss.Create(device);
using CceTensor<float> h = device.Upload<float>(hidden, Rows, Hidden);
using CceTensor<float> w = device.Upload<float>(items, Catalog, Hidden);
using CceTensor<int> y = device.Upload<int>(targets, Rows, 1);
using CceTensor<float> gradHidden = device.Allocate<float>(Rows, Hidden);
using CceTensor<float> gradItems = device.Allocate<float>(Catalog, Hidden);

// The first call compiles the kernels; time the second.
loss.ForwardBackward(h, w, y, seed: 7, step: 0, gradHidden, gradItems);
var clock = Stopwatch.StartNew();
LossResult result = loss.ForwardBackward(h, w, y, seed: 7, step: 1, gradHidden, gradItems);
clock.Stop();

float[] lse = result.Lse.ToArray();
float[] dh = gradHidden.ToArray();
float[] dw = gradItems.ToArray();
Console.WriteLine($"tile:        {loss.Tile}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"loss:        {result.Loss:F5} (mean over {result.ValidRows} of {Rows} rows)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lse range:   [{lse.Where((_, n) => targets[n] != -100).Min():F4}, {lse.Max():F4}]"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"|dH|, |dW|:  {Norm(dh):E4}, {Norm(dw):E4}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time:        {clock.Elapsed.TotalMilliseconds:F1} ms for forward+backward"));

static float[] RandomMatrix(Random random, int rows, int cols)
{
    var data = new float[rows * cols];
    for (int i = 0; i < data.Length; i++)
    {
        data[i] = (float)((random.NextDouble() * 2) - 1) * 0.5f;
    }

    return data;
}

static double Norm(float[] values) => Math.Sqrt(values.Sum(v => (double)v * v));
