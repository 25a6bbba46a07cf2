parts = []
for i in range(10):
    parts.append(str(i) * (i % 3 + 1))
print("".join(parts))
s = ""
for c in "hello":
    s = c + s
print(s)
lines = []
for row in range(1, 6):
    lines.append(" " * (5 - row) + "*" * (2 * row - 1))
print("\n".join(lines))
table = ""
for i in range(1, 4):
    for j in range(1, 4):
        table += f"{i * j:4d}"
    table += "\n"
print(table, end="")
def to_roman(n):
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, sym in vals:
        while n >= v:
            out += sym
            n -= v
    return out
print([to_roman(n) for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]])
def rle(text):
    if not text:
        return ""
    out = []
    prev, count = text[0], 1
    for ch in text[1:]:
        if ch == prev:
            count += 1
        else:
            out.append(f"{count}{prev}")
            prev, count = ch, 1
    out.append(f"{count}{prev}")
    return "".join(out)
print(rle("aaabccddddde"), rle(""), rle("x"))
words = "the quick brown fox jumps over the lazy dog".split()
print(" ".join(w[::-1] for w in words))
print(" ".join(w.capitalize() for w in words))
print("-".join(sorted(set(words), key=lambda w: (-len(w), w))))
print(", ".join("%s=%d" % (w, len(w)) for w in words[:4]))
