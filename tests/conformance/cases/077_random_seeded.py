import random
random.seed(42)
print([random.random() for _ in range(5)])
print([random.randint(1, 6) for _ in range(20)])
print([random.randrange(10) for _ in range(10)])
print([random.randrange(5, 50, 5) for _ in range(8)])
print([random.choice("abcdef") for _ in range(10)])
print(random.choice([10, 20, 30]), random.choice(("x", "y")))
deck = list(range(12))
random.shuffle(deck)
print(deck)
print([round(random.uniform(-1, 1), 6) for _ in range(4)])
print(random.uniform(10, 20))
random.seed(0)
a = [random.randint(0, 1000000) for _ in range(6)]
random.seed(0)
b = [random.randint(0, 1000000) for _ in range(6)]
print(a, a == b)
random.seed(123456789)
print(random.random(), random.randint(-100, 100), random.randrange(1, 1000000))
random.seed(7)
words = ["alpha", "beta", "gamma", "delta", "epsilon"]
random.shuffle(words)
print(words, random.choice(words))
random.seed(2024)
rolls = {}
for _ in range(600):
    r = random.randint(1, 6)
    rolls[r] = rolls.get(r, 0) + 1
print(sorted(rolls.items()))
print(random.randint(0, 2 ** 40), random.randrange(0, 2 ** 33, 3))
