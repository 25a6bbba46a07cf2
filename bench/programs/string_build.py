# String building: join, concatenation, f-strings, % formatting, str methods.
parts = []
for i in range(300000):
    parts.append(f"{i:05d}:{i * 7 % 13}")
joined = ",".join(parts)

s = ""
for i in range(100000):
    s += str(i % 10)

lines = []
for i in range(80000):
    name = "item" + str(i)
    lines.append("%-10s|%6.2f|%s" % (name, i / 7, name.upper()[::-1]))
report = "\n".join(lines)

words = joined.split(",")
upper_count = 0
for w in words:
    if w.endswith("0"):
        upper_count += 1
counts = report.count("ITEM"), report.find("item79999"), len(s)

print(len(joined), len(words), upper_count, counts)
