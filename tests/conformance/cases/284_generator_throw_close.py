# throw() raises at the paused yield; close() runs finally blocks.
def worker():
    try:
        while True:
            try:
                job = yield
                print("job", job)
            except ValueError as e:
                print("recovered from", e)
    finally:
        print("worker cleanup")
w = worker()
next(w)
w.send("a")
w.throw(ValueError("bad job"))
w.send("b")
w.close()
w.close()
print("closed")
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(e)
def once():
    yield 1
o = once()
next(o)
o.throw(KeyError("boom"))
