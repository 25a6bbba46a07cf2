import sys
errors = ["bad config", "missing file"]
print("checking")
if errors:
    sys.exit("fatal: " + "; ".join(errors))
print("not reached")
