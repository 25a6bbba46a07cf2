print("key=value=x".partition("="), "key=value=x".rpartition("="))
print("novalue".partition("="), "novalue".rpartition("="))
print("a.b.c".partition("."), "a.b.c".rpartition("."))
print("http://host/path".partition("://"))
text = "line one\nline two\r\nline three\rlast"
print(text.splitlines())
print("a\n\nb\n".splitlines(), "".splitlines(), "\n".splitlines())
print("x\ny".split("\n"))
head, sep, tail = "user@example.com".partition("@")
print(head, sep, tail)
for line in "alpha: 1\nbeta: 2\ngamma: 3".splitlines():
    k, _, v = line.partition(": ")
    print(k.upper(), int(v) * 10)
