"""Training the learned reader (rag/facts/learned) from evals/datasets/training/.

`python -m evals.training` rebuilds rag/facts/learned/reader-model.npz from the training
files, byte for byte the same for the same files (needs the `train` extra: scikit-learn).
"""
