five = 5
cases = [
    lambda: set().pop(),
    lambda: chr(-1),
    lambda: {}[[1]],
    lambda: -"s",
    lambda: ~1.5,
    lambda: sum(["a", "b"]),
    lambda: "abc".split(""),
    lambda: "x".join([1, 2]),
    lambda: [].pop(),
    lambda: {}.pop("k"),
    lambda: {1}.remove(2),
    lambda: "abc".index("z"),
    lambda: max([]),
    lambda: float("x"),
    lambda: len(five),
    lambda: "x" * "y",
    lambda: [1] + (2,),
    lambda: 2.5 // 0.0,
    lambda: 10 % 0,
]
for i, c in enumerate(cases):
    try:
        c()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__ + ":", e)
