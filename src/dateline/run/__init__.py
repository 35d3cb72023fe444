"""Running the pipeline over inputs: the runner, its engines and near-duplicate detection.

- :mod:`dateline.run.runner`: reads inputs, skips what is stored, writes each batch in one transaction.
- :mod:`dateline.run.engines`: where batches run (this process, worker processes, or Ray).
- :mod:`dateline.run.dedup`: MinHash near-duplicates, decided in the driver before analysis.
"""
