"""corrections: readers report errors in article text; editors accept (a new revision), reject
or merge them. Beside the pipeline: an accepted fix re-runs extraction for that article."""
