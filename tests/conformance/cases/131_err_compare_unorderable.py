def over_limit(value, limit):
    return value > limit
readings = [3, 10, 7]
for r in readings:
    print(r, over_limit(r, 5))
readings.append("12")
print(readings)
for r in readings:
    print(r, over_limit(r, 5))
