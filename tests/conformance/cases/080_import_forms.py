import random as rnd
import time as t
from random import randint, choice
from os import getpid
import sys as system
rnd.seed(5)
first = [rnd.randint(1, 100) for _ in range(3)]
rnd.seed(5)
second = [randint(1, 100) for _ in range(3)]
print(first, second, first == second)
rnd.seed(5)
print(rnd.random())
print(choice(["only"]))
print(getpid() > 0, callable(getpid), callable(t.time))
print(len(system.argv))
import random
random.seed(5)
print(random.randint(1, 100) == first[0])
def uses_module():
    random.seed(11)
    return random.randrange(100)
print(uses_module(), uses_module())
