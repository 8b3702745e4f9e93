// The tests set process-wide environment variables (CCE_DEVICE, CCE_CACHE_DIR): one test at a time.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
