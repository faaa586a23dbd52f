"""Learning from the user's own data: a sub-event classifier trained on an ACLED export.

``sahelwatch train --acled FILE.csv`` runs :func:`~sahelwatch.learn.train.train_from_acled`;
the model is saved in the user's data directory and loaded by the coding toolkit when present.
Nothing trained here is shipped in the package.
"""
