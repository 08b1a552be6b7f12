"""Writers of LinkedIn-faithful export bytes, era by era (tests, benchmarks, samples)."""
