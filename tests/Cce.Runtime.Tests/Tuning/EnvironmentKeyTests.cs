using Cce.CacheStress;
using Cce.Tuning.Cache;
using Xunit;

namespace Cce.Runtime.Tests.Tuning;

/// <summary>Entries of another device, driver or toolchain never hit, and come back when the environment does.</summary>
public sealed class EnvironmentKeyTests
{
    public static TheoryData<string, DeviceFingerprint> ChangedDevices => new()
    {
        { "device name", CacheSamples.Device(name: "NVIDIA H200") },
        { "SM count", CacheSamples.Device(multiprocessors: 114) },
        { "driver version", CacheSamples.Device(driver: "12.8") },
    };

    [Theory]
    [MemberData(nameof(ChangedDevices))]
    public void ChangedDeviceMissesAndRestoredDeviceHits(string field, DeviceFingerprint changed)
    {
        using var temp = new TempCache();
        TuningEnvironment original = CacheSamples.Environment();
        TuningKey key = CacheSamples.Key();
        temp.Cache.Store(CacheSamples.Entry(original, key, "original"));

        Assert.False(temp.Cache.TryGet(CacheSamples.Environment(changed), key, out _), field);
        Assert.True(temp.Open().TryGet(CacheSamples.Environment(CacheSamples.Device()), key, out TuningEntry? entry));
        Assert.Equal("original", CacheSamples.TagOf(entry));
        Assert.Empty(temp.Warnings);
    }

    [Fact]
    public void EveryEnvironmentFieldChangesTheDirectory()
    {
        TuningEnvironment baseline = CacheSamples.Environment();
        DeviceFingerprint device = baseline.Device;
        TuningEnvironment[] variants =
        [
            baseline,
            baseline with { SchemaVersion = baseline.SchemaVersion + 1 },
            baseline with { IlgpuVersion = "9.9.9" },
            baseline with { RuntimeVersion = "9.9.9" },
            baseline with { TimingPolicy = baseline.TimingPolicy with { Version = baseline.TimingPolicy.Version + 1 } },
            baseline with { TimingPolicy = baseline.TimingPolicy with { Name = "other" } },
            baseline with { Device = device with { Kind = DeviceKind.Cpu } },
            baseline with { Device = device with { Name = "other" } },
            baseline with { Device = device with { ComputeCapability = "8.0" } },
            baseline with { Device = device with { InstructionSet = "8.0" } },
            baseline with { Device = device with { Multiprocessors = 1 } },
            baseline with { Device = device with { MemoryBytes = 1 } },
            baseline with { Device = device with { L2CacheBytes = 1 } },
            baseline with { Device = device with { SharedMemoryPerMultiprocessor = 1 } },
            baseline with { Device = device with { WarpSize = 64 } },
            baseline with { Device = device with { DriverVersion = "1.0" } },
        ];

        Assert.Equal(variants.Length, variants.Select(v => v.DirectoryName).Distinct().Count());
    }

    [Fact]
    public void DirectoryNameIsTheSanitisedDeviceNameAndAHash()
    {
        TuningEnvironment environment = CacheSamples.Environment(CacheSamples.Device(name: "  NVIDIA H100 80GB HBM3 (MIG 1g.10gb)/x "));

        Assert.Matches("^nvidia-h100-80gb-hbm3-mig-1g-10gb-x-[0-9a-f]{16}$", environment.DirectoryName);
        Assert.EndsWith(environment.Hash, environment.DirectoryName, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvironmentOfThisProcessCarriesTheVersions()
    {
        TuningEnvironment environment = CacheSamples.Environment();

        Assert.Equal(CacheFormat.SchemaVersion, environment.SchemaVersion);
        Assert.StartsWith(typeof(ILGPU.Context).Assembly.GetName().Version!.ToString(3), environment.IlgpuVersion, StringComparison.Ordinal);
        Assert.DoesNotContain('+', environment.RuntimeVersion);
        Assert.Equal(TimingPolicyId.Current, environment.TimingPolicy);
    }
}
