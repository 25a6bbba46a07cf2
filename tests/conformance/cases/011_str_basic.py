s = "hello"
t = 'world'
print(s + " " + t, len(s), len(""))
print(s * 3, 3 * "ab", "x" * 0, "-" * 20)
print(s[0], s[-1], s[1:3], s[:2], s[2:], s[:], s[::-1])
print("ell" in s, "xyz" in s, "" in s, "h" not in s)
print("abc" "def", "con" 'cat' "enation")
print(str(123), str(-4.5), str(None), str([1, "a"]), str((1,)))
print(repr("abc"), repr(""), repr("a\nb"), repr("tab\there"))
words = ["alpha", "beta", "gamma"]
joined = ""
for w in words:
    joined += w[0].upper() + w[1:] + ","
print(joined)
print(s == "hello", s != "Hello", s < "help", s.upper() < s)
print(ord("A"), chr(97), ord("\n"), chr(0x263A))
c = 0
for ch in "mississippi":
    if ch == "s":
        c += 1
print("s count", c, "mississippi".count("ss"))
print(list("abc"), tuple("xy"), sorted("banana"))
print(min("hello"), max("hello"))
print(str(), repr(str()), len(str(12345)))
multi = "line1\nline2"
print(multi)
print(len(multi))
