def f(a, b, c=3, d=4):
    return [a, b, c, d]
print(f(1, 2), f(1, 2, 5), f(1, 2, d=9), f(d=1, c=2, b=3, a=4))
def g(**kwargs):
    return kwargs
print(g(), g(x=1), g(b=2, a=1))
def h(a, *args, **kwargs):
    return a, args, kwargs
print(h(1), h(1, 2, 3), h(1, 2, k="v"), h(a=5))
opts = {"c": 30, "d": 40}
print(f(1, 2, **opts))
print(f(*[1, 2], **{"d": 0}))
def show(**kw):
    for k in kw:
        print(" ", k, "=", kw[k])
show(first=1, second="two", third=[3])
def config(name, **settings):
    settings.setdefault("debug", False)
    return name + ":" + ",".join(k + "=" + str(v) for k, v in settings.items())
print(config("app", level=3), config("srv", debug=True))
print(sorted([3, 1, 2], reverse=True), print("inner", end=" | ", sep=""))
print(dict(a=1, **{"b": 2}))
