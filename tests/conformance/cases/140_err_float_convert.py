readings = ["1.5", "2", "-3e2", "inf", "n/a"]
for r in readings:
    print(r, float(r) * 2)
