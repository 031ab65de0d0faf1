"""evaluate: scores against gold sets (seed gold, ../shared/eval/*) for `claimgraph eval`."""
