samples = ["plain", "it's", 'say "hi"', "both ' and \"", "", "\n", "tab\t", "back\\slash",
           "\x00", "\x1f", "\x7f", "\x80", "é", "中文", "😀", "a'b\"c'"]
for s in samples:
    print(repr(s), len(repr(s)))
print(str("it's"), str('a"b'))
print(repr(repr("x")), repr(str(1)))
print(["it's", 'q"q'], ("it's",))
print(repr("\r\n"), repr("\\n"))
