# Class-heavy: instances, attribute reads and writes, method calls, dunders,
# inheritance with super(), properties, and instances as dict keys.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Particle:
    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel
        self.steps = 0

    def step(self):
        self.pos = self.pos + self.vel
        self.steps += 1

    @property
    def energy(self):
        return self.vel.dot(self.vel)


class Heavy(Particle):
    def __init__(self, pos, vel, mass):
        super().__init__(pos, vel)
        self.mass = mass

    def step(self):
        super().step()
        if self.steps % 7 == 0:
            self.vel = Vec(self.vel.y, -self.vel.x)


particles = []
for i in range(300):
    v = Vec(i % 5 - 2, i % 3 - 1)
    particles.append(Heavy(Vec(i, -i), v, i % 4 + 1) if i % 2 else Particle(Vec(i, i), v))
seen = {}
for t in range(300):
    for p in particles:
        p.step()
    if t % 30 == 0:
        for p in particles:
            seen[p.pos] = seen.get(p.pos, 0) + 1
total = 0
for p in particles:
    total += p.energy + p.steps
print(total, len(seen), particles[1].pos.x, particles[2].pos.y)
