x = "global"
def read_global():
    return x
def local_shadow():
    x = "local"
    return x
def param_shadow(x):
    x = x + "!"
    return x
print(read_global(), local_shadow(), param_shadow("param"), x)
def unbound():
    try:
        print(y)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    y = 1
    return y
y = "global y"
print(unbound())
def loop_var_leaks():
    for i in range(3):
        pass
    return i
print(loop_var_leaks())
def comp_scope():
    k = "outer k"
    squares = [k * 2 for k in range(3)]
    return k, squares
print(comp_scope())
def outer():
    a = 1
    def inner():
        b = a + 1
        return b
    a = 10
    return inner()
print(outer())
def counter_factory():
    state = {"n": 0}
    def bump():
        state["n"] += 1
        return state["n"]
    return bump
bump = counter_factory()
print(bump(), bump())
def conditional_def(flag):
    if flag:
        def g():
            return "first"
    else:
        def g():
            return "second"
    return g()
print(conditional_def(True), conditional_def(False))
def redefine():
    return 1
def redefine():
    return 2
print(redefine())
