import random
random.seed(99)
queue = []
served = []
clock = 0
next_id = 1
for tick in range(40):
    if random.random() < 0.6:
        queue.append((next_id, tick, random.randint(1, 4)))
        next_id += 1
    if queue and clock <= tick:
        cid, arrived, work = queue.pop(0)
        clock = tick + work
        served.append((cid, tick - arrived))
print("arrived", next_id - 1, "served", len(served), "waiting", len(queue))
print(served[:10])
waits = [w for _, w in served]
print("max wait", max(waits), "avg wait", round(sum(waits) / len(waits), 4))
grid = [["." for _ in range(8)] for _ in range(4)]
x, y = 0, 0
for step in range(25):
    grid[y][x] = "#"
    dx, dy = random.choice([(1, 0), (-1, 0), (0, 1), (0, -1)])
    x = min(max(x + dx, 0), 7)
    y = min(max(y + dy, 0), 3)
for row in grid:
    print("".join(row))
cards = [r + s for s in "SH" for r in "A23456789"]
random.shuffle(cards)
print(cards[:5], sorted(cards[:5]))
print(round(random.uniform(0, 100), 3), random.randrange(0, 100, 7))
