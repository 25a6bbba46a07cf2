def risky():
    return {}["missing"]
try:
    risky()
except KeyError as e:
    print("caught", repr(e))
    cleanup = [1, 2]
    print(cleanup[5])
