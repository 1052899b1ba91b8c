# The floor of the activity-entry benchmark (benchmarks/bench_rpc.py): a
# trivial model whose create is trytond's own, with nothing of SKP-ASN.
# Activated only in the benchmark databases, never in the product's.
