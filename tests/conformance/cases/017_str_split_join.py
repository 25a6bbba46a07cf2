s = "  alpha  beta gamma   "
print(s.split(), s.split(" "), s.split(None, 1))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,c".rsplit(",", 1))
print("a b c d".rsplit(None, 2), "a b c d".split(maxsplit=2))
print("".split(), "".split(","), "abc".split("b"), "x--y--z".split("--"))
print("1 2 3".split(" "), "one".split(","))
print(",".join(["a", "b", "c"]), "".join(["x", "y"]), " - ".join("abc"))
print("\n".join(["l1", "l2"]))
print(", ".join(str(i) for i in range(5)))
print("+".join([]), "+".join(["solo"]))
print("/".join(("usr", "local", "bin")))
data = "name=Ann;age=31;city=Oslo"
d = {}
for part in data.split(";"):
    k, v = part.split("=")
    d[k] = v
print(d)
print(";".join(k + ":" + d[k] for k in sorted(d)))
csv = "1,2,3\n4,5,6\n7,8,9"
rows = [[int(x) for x in line.split(",")] for line in csv.split("\n")]
print(rows, sum(sum(r) for r in rows))
print("a  b".split(" "), "  lead".split(" "))
print("k:v:w".split(":", -1), "k:v:w".rsplit(":", -1))
