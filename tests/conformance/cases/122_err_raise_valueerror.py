def parse_age(s):
    n = int(s)
    if n < 0 or n > 150:
        raise ValueError("age out of range: " + str(n))
    return n
for s in ["30", "0", "150"]:
    print(parse_age(s))
print(parse_age("-4"))
