// libtorch's random generator and thread pool are process-wide: tests that seed it must not interleave, and
// running them one at a time also keeps this suite from competing with itself for the CPU.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
