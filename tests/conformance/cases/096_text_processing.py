text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua."
def wrap(t, width):
    lines, cur = [], ""
    for w in t.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = cur + " " + w if cur else w
    if cur:
        lines.append(cur)
    return lines
for line in wrap(text, 30):
    print("|" + line.ljust(30) + "|")
for line in wrap(text, 45):
    print("|" + line.center(45) + "|")
clean = "".join(c.lower() for c in text if c.isalpha() or c == " ")
words = clean.split()
print(len(words), len(set(words)), max(words, key=len))
vowels = sum(1 for c in clean if c in "aeiou")
print("vowels", vowels, "consonants", sum(1 for c in clean if c.isalpha()) - vowels)
acronym = "".join(w[0].upper() for w in words[:8])
print(acronym)
def is_pal(s):
    s = "".join(c.lower() for c in s if c.isalnum())
    return s == s[::-1]
for s in ["A man, a plan, a canal: Panama", "hello", "Was it a car or a cat I saw?", ""]:
    print(repr(s), is_pal(s))
csv_text = "name,score\nann,91\nbob,78\ncy,85\n"
rows = [r.split(",") for r in csv_text.strip().split("\n")[1:]]
avg = sum(int(s) for _, s in rows) / len(rows)
print(rows, f"avg={avg:.3f}")
print("\n".join(f"{n:>5}: {'*' * (int(s) // 10)}" for n, s in rows))
