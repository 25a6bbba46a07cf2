class CleanupError(Exception):
    pass
try:
    raise ValueError("first")
except ValueError:
    raise CleanupError("second")
