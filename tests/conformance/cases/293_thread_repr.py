import threading
t = threading.Thread()
print(repr(t))
class W(threading.Thread):
    pass
print(W(daemon=True))
