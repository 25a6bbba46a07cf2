def area(shape, size):
    if shape == "square":
        return size * size
    if shape == "circle":
        return round(3.14159 * size * size, 2)
    raise NotImplementedError("area for " + repr(shape))
for s in ["square", "circle", "hexagon"]:
    print(s, area(s, 2))
