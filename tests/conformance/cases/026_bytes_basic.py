b = b"hello"
print(b, repr(b), len(b), type(b).__name__)
print(b[0], b[-1], b[1:3], b[::-1], b[:0])
print(b"\x00abc\n", b"\xff\xfe", b"tab\there", b"quote'", b'dq"')
print(b"it's", b'both \' and "', b"\\")
print(bytes(3), bytes([65, 66, 67]), bytes([0, 127, 128, 255]))
print("héllo".encode(), "abc".encode("ascii"))
print(b + b" world", b * 2, b"a" in b"abc", b"z" in b"abc")
print(list(b"abc"), [x for x in b"\x01\x02"])
print(b == b"hello", b != b"Hello", b < b"help", b"" == bytes())
total = 0
for byte in b"\x10\x20\x30":
    total += byte
print(total)
print(bytes([b[i] for i in range(0, len(b), 2)]))
print(b"\x41\x42", rb"\x41", br"raw\n")
print(repr(bytes(list(range(5)))), repr(bytes([9, 10, 13, 92, 39])))
print(bool(b""), bool(b"\x00"))
print(b"abc".decode(), b"\xe4\xbd\xa0\xe5\xa5\xbd".decode("utf-8"))
