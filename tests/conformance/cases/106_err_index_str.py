word = "hello"
print(word[0], word[-1], word[1:10], word[10:])
def char_at(s, i):
    return s[i]
print(char_at(word, 4))
print(char_at(word, 5))
