# An exception class without a message ends with its bare name.
class Stop(BaseException):
    pass
try:
    raise Stop()
except Exception:
    print("not caught here")
except BaseException as e:
    print("caught", type(e).__name__)
class Empty(ValueError):
    pass
raise Empty
