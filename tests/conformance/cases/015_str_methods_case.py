words = ["hello world", "HELLO", "hElLo WoRlD", "123abc", "", "o'neil mc-donald", "a1b2 c3"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase())
print("abc".upper().lower(), "ABC".swapcase())
print("python is fun".title().replace(" ", ""))
print("hello".capitalize(), "HELLO".capitalize(), "1abc".capitalize())
s = "The Quick Brown Fox"
print(s.lower().split(), s.upper()[4:9])
print(s.isupper(), s.islower(), s.upper().isupper(), s.lower().islower())
print("ABC1".isupper(), "abc1".islower(), "123".isupper(), "123".islower())
print("MiXeD".swapcase().swapcase() == "MiXeD")
