log = []
def f_return():
    try:
        log.append("try")
        return "from try"
    finally:
        log.append("finally")
print(f_return(), log)
def f_override():
    try:
        return 1
    finally:
        return 2
print(f_override())
def f_exc():
    try:
        raise ValueError("boom")
    finally:
        print("cleanup before propagation")
try:
    f_exc()
except ValueError as e:
    print("propagated:", e)
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
n = 0
while n < 3:
    n += 1
    try:
        if n == 2:
            continue
        print("while body", n)
    finally:
        print("while finally", n)
def nested_finally():
    out = []
    try:
        try:
            out.append(1)
            return out
        finally:
            out.append(2)
    finally:
        out.append(3)
print(nested_finally())
def swallow():
    for i in range(3):
        try:
            raise RuntimeError("x")
        finally:
            if i < 2:
                continue
            return "swallowed at " + str(i)
print(swallow())
def order():
    seq = []
    try:
        seq.append("try")
        raise KeyError("a")
    except KeyError:
        seq.append("except")
    else:
        seq.append("else")
    finally:
        seq.append("finally")
    return seq
print(order())
