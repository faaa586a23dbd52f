"""Quality measured, not assumed: scorers for the coder and the geocoder against gold data."""
