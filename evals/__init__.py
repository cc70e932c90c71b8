"""The rule oracle, the evaluation datasets, metrics, runner and benchmark."""
