s = "the cat sat on the mat with the hat"
print(s.find("the"), s.find("the", 1), s.find("the", 5, 20), s.find("dog"))
print(s.rfind("the"), s.rfind("at"), s.rfind("zzz"), s.rfind("the", 0, 10))
print(s.index("cat"), s.rindex("at"), s.index("t", 3))
print(s.count("at"), s.count("the"), s.count(""), s.count("t", 10))
print(s.startswith("the"), s.startswith("cat"), s.startswith("cat", 4))
print(s.endswith("hat"), s.endswith(("mat", "hat")), s.startswith(("x", "y")))
print(s.replace("at", "og"), s.replace("the", "a", 2))
print(s.replace(" ", ""), "aaa".replace("a", "bb"), "abc".replace("", "-"))
print("abcabc".find("c"), "abcabc".rfind("c"), "".find(""), "abc".find(""))
pos = 0
found = []
while True:
    i = s.find("at", pos)
    if i < 0:
        break
    found.append(i)
    pos = i + 1
print(found)
print("banana".count("ana"), "banana".replace("ana", "X"))
print("hello"[1:].find("l"), "x".join("abc").find("x", 2))
