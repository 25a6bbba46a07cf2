# Calling methods wrongly: missing self, too many arguments, unknown keyword.
class M:
    def f(self, a):
        return a
m = M()
for call in [lambda: M.f(1), lambda: m.f(), lambda: m.f(1, 2), lambda: m.f(b=1)]:
    try:
        call()
    except TypeError as e:
        print(e)
print(m.f(a=5))
M.nothing
