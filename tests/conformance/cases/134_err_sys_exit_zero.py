import sys
print("about to exit cleanly")
try:
    print("in try")
    sys.exit(0)
finally:
    print("finally runs on SystemExit")
print("not reached")
