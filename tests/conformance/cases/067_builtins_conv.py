for n in [0, 1, 7, 8, 255, 256, -1, -255, 4096, 123456789]:
    print(n, hex(n), oct(n), bin(n))
print(int("ff", 16), int("FF", 16), int("-101", 2), int("zz", 36), int("0o17", 8), int("0b101", 2))
print(int("11", 3), int(" 42 "), int("+9"))
print(chr(65), chr(97), chr(48), chr(8364), chr(20320))
print(ord("A"), ord("a"), ord("0"), ord("€"), ord("你"))
print("".join(chr(ord(c) + 1) for c in "HAL"))
print([ord(c) for c in "az"], "".join(chr(c) for c in [80, 121]))
print(str(0x10), str(0o10), str(0b10))
print(float("3"), float("-0.5"), float("1e-3"), int(float("2.9")))
print(str(12) + str(3.5) + str(True) + str(None) + str([1]))
print(repr(1), repr(1.5), repr("1"), repr([1, "1"]), repr(None), repr(True))
print(list(map(int, ["1", "22", "333"])), list(map(str, [1, 2])), list(map(float, "12")))
def caesar(text, k):
    out = []
    for c in text:
        if c.isalpha() and c.islower():
            out.append(chr((ord(c) - ord("a") + k) % 26 + ord("a")))
        else:
            out.append(c)
    return "".join(out)
print(caesar("hello, world", 3), caesar(caesar("xyz abc", 5), -5))
print(tuple(map(len, ["a", "bb"])), set(map(abs, [-1, 1, -2])) == {1, 2})
