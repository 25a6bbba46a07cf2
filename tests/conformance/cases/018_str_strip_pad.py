s = "  \t padded \n "
print("[" + s.strip() + "]", "[" + s.lstrip() + "]", "[" + s.rstrip() + "]")
print("xxhixx".strip("x"), "xxhixx".lstrip("x"), "xxhixx".rstrip("x"))
print("abcHELLOcba".strip("abc"), "www.example.com".strip("cmowz."))
print("[" + "hi".center(10) + "]", "[" + "hi".center(9, "*") + "]", "[" + "hi".center(1) + "]")
print("[" + "hi".ljust(6) + "]", "[" + "hi".rjust(6, "0") + "]", "[" + "long".ljust(2) + "]")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "".zfill(3))
for n in [1, 22, 333, 4444]:
    print(str(n).rjust(6) + "|" + str(n).ljust(6) + "|" + str(n).center(6, "."))
table = [("apple", 1.5), ("kiwi", 0.25), ("watermelon", 3.0)]
for name, price in table:
    print(name.ljust(12, ".") + str(price).rjust(6))
print("odd".center(6, "-"), "even".center(7, "-"))
