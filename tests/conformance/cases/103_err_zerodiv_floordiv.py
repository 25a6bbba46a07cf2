def bucket(n, size):
    return n // size
print(bucket(17, 5), bucket(-17, 5))
sizes = [3, 2, 1, 0]
for s in sizes:
    print("size", s, "->", bucket(100, s))
