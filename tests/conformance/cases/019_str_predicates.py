samples = ["abc", "ABC", "abc123", "123", "12.5", "", " ", "\t\n", "a b", "Hello", "HELLO1", "x_y", "中文"]
for s in samples:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower())
def classify(ch):
    if ch.isdigit():
        return "D"
    if ch.isalpha():
        return "U" if ch.isupper() else "L"
    if ch.isspace():
        return "_"
    return "?"
print("".join(classify(c) for c in "Hello World 42!"))
