name = "Ada"
age = 36
items = [1, 2, 3]
d = {"k": "v", "n": 5}
print(f"Hello, {name}! You are {age} years old.")
print(f"{name!r} {name!s} {items} {items!r}")
print(f"{age + 4} {age * 2 - 1} {len(name)} {name.upper()} {name[0]}")
print(f"{d['k']} {d['n'] * 3} {items[-1]}")
print(f"{'nested'} {'a' + 'b'} {3 > 2} {None}")
print(f"{{literal braces}} {{{age}}}")
print(f"sum={sum(items)} max={max(items)} list={[x * x for x in items]}")
x = 10
y = 3
print(f"{x}/{y}={x / y} {x}//{y}={x // y} {x}%{y}={x % y}")
print(f"{'yes' if x > y else 'no'} {x if x < y else y}")
print(F"upper F {x}", f'single {x}', f"""triple {x}""")
print(f"{x!r:>5}|{name!r:<8}|")
s = "q'uote"
print(f"{s!r}", f"{s}")
fl = 0.1 + 0.2
print(f"{fl} {fl!r} {1/3}")
print(f"{(lambda v: v * 2)(21)}")
print(f"{','.join(['a', 'b'])}")
print(f"x={x}")
print(f"a" f"b{x}" "c")
print(f"{True} {False!r} {(1, 2)} {{}}")
