inputs = ["10", "-5", " 7 ", "abc", "99"]
total = 0
for s in inputs:
    n = int(s)
    total += n
    print("added", n, "total", total)
