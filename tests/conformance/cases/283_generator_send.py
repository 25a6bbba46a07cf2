# send(): the value of the paused yield; a just-started generator takes only None.
def averager():
    total, count, average = 0, 0, None
    while True:
        value = yield average
        if value is None:
            return average
        total += value
        count += 1
        average = total / count
avg = averager()
print(next(avg), avg.send(10), avg.send(20), avg.send(60))
try:
    avg.send(None)
except StopIteration as e:
    print("final", e.value)
fresh = averager()
try:
    fresh.send(5)
except TypeError as e:
    print(e)
print(fresh.send(None))
