def f(a, b):
    return a + b
five = 5
nothing = None
text = "s"
cases = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: 1 - "x",
    lambda: five[0],
    lambda: nothing(),
    lambda: text(),
    lambda: len(5),
    lambda: f(1, 2, 3),
    lambda: f(1),
    lambda: f(1, 2, c=3),
    lambda: int("abc"),
    lambda: int("1.5"),
    lambda: [1, 2].remove(3),
    lambda: [1, 2].index(3),
    lambda: (1, 2)[5],
    lambda: "abc"[10],
    lambda: [1][-2],
    lambda: {"a": 1}["b"],
    lambda: [].foo,
    lambda: "s".bar,
    lambda: five.baz,
    lambda: 1 < "a",
    lambda: [1] < "a",
    lambda: 10 / 0,
    lambda: 10.0 / 0,
    lambda: 10 // 0,
    lambda: undefined_thing,
]
for i, c in enumerate(cases):
    try:
        c()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__ + ":", e)
