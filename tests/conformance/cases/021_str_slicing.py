s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[-5:-2])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[8:2:-2])
print(s[100:], s[-100:3], s[5:2], s[3:3], repr(s[10:]))
print(s[0], s[9], s[-1], s[-10])
print(s[2:8:3], s[-1:-11:-3], s[:0:-1], s[len(s):0:-4])
for i in range(0, len(s), 3):
    print(i, s[i:i + 3])
print("".join(s[i] for i in range(len(s) - 1, -1, -2)))
t = "racecar"
print(t == t[::-1], "palindrome"[::-1])
print(s[None:4], s[2:None])
print("x"[0:1], "xy"[-1:], "hello"[1:-1])
word = "slicing"
for n in range(len(word) + 1):
    print(word[:n] + "|" + word[n:])
