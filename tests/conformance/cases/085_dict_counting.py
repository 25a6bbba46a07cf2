text = """it was the best of times it was the worst of times
it was the age of wisdom it was the age of foolishness"""
freq = {}
for word in text.split():
    freq[word] = freq.get(word, 0) + 1
print(freq)
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
for w, n in top[:5]:
    print(f"{w:<10}{n:>3}")
letters = {}
for ch in text:
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
print(sorted(letters.items(), key=lambda kv: -kv[1])[:3])
by_len = {}
for w in freq:
    by_len.setdefault(len(w), []).append(w)
for k in sorted(by_len):
    print(k, sorted(by_len[k]))
index = {}
for lineno, line in enumerate(text.splitlines(), 1):
    for w in line.split():
        if w not in index:
            index[w] = []
        if lineno not in index[w]:
            index[w].append(lineno)
print({w: index[w] for w in ["it", "best", "foolishness"]})
print(sum(freq.values()), len(freq), max(freq, key=lambda k: freq[k]))
