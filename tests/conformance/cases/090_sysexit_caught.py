import sys
for arg in [0, 3, "msg", None]:
    try:
        sys.exit(arg)
    except SystemExit as e:
        print("SystemExit caught:", repr(e.code), e.args)
try:
    sys.exit()
except SystemExit as e:
    print("no-arg exit code:", e.code)
try:
    raise SystemExit(7)
except BaseException as e:
    print(type(e).__name__, e.code, isinstance(e, Exception))
try:
    try:
        sys.exit(1)
    except Exception:
        print("Exception does not catch SystemExit")
except SystemExit:
    print("SystemExit reached outer handler")
try:
    raise KeyboardInterrupt()
except Exception:
    print("wrong")
except KeyboardInterrupt:
    print("KeyboardInterrupt caught separately")
print("end")
